import { WeirError, type CreateJobRequest, type Job, type JobVersion, type UpdateJobRequest, type VersionDiff } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import type { DeploymentStatus } from '@weir/contracts';
import { assertFunctionsParse, versionFunctions } from './job-functions';
import { lineDiff } from './line-diff';

/** Reads the live status of a deployment (see DeploymentService.statusOf). */
export interface DeploymentStatusReader {
  statusOf(deploymentId: string): Promise<DeploymentStatus>;
}

const withLatest = {
  versions: { orderBy: { version: 'desc' }, take: 1 },
  deployments: { orderBy: { createdAt: 'desc' }, take: 1, include: { jobVersion: { select: { version: true } } } },
} as const;

/** Jobs and their immutable versions within one workspace. */
export class JobService {
  constructor(
    private readonly db: PrismaClient,
    private readonly deployments: DeploymentStatusReader,
  ) {}

  /** Every job of the workspace, most recently changed first. */
  async list(workspaceId: string): Promise<Job[]> {
    const jobs = await this.db.job.findMany({
      where: { workspaceId },
      orderBy: { updatedAt: 'desc' },
      include: withLatest,
    });
    return Promise.all(jobs.map((job) => this.toJob(job)));
  }

  async get(workspaceId: string, id: string): Promise<Job> {
    return this.toJob(await this.find(workspaceId, id));
  }

  /** Creates a job with its version 1, saved by `authorId`. */
  async create(workspaceId: string, body: CreateJobRequest, authorId?: string): Promise<Job> {
    assertFunctionsParse(body.functions);
    try {
      const job = await this.db.job.create({
        data: {
          workspaceId,
          name: body.name,
          description: body.description,
          latestVersion: 1,
          versions: { create: { version: 1, sql: body.sql, config: { functions: body.functions }, message: body.message, createdById: authorId ?? null } },
        },
        include: withLatest,
      });
      return this.toJob(job);
    } catch (error) {
      throw nameConflict(error, body.name);
    }
  }

  /**
   * Saves a new immutable version by `authorId`; name and description change in place. With
   * `baseVersion`, a save over a newer version than that is refused (409) and writes nothing.
   */
  async update(workspaceId: string, id: string, body: UpdateJobRequest, authorId?: string): Promise<Job> {
    const previous = await this.find(workspaceId, id);
    const functions = body.functions ?? versionFunctions(previous.versions[0]?.config);
    assertFunctionsParse(functions);
    try {
      const job = await this.db.$transaction(async (tx) => {
        // Conditional on the base version, so two saves from the same version cannot both win.
        const { count } = await tx.job.updateMany({
          where: { id, ...(body.baseVersion !== undefined ? { latestVersion: body.baseVersion } : {}) },
          data: {
            latestVersion: { increment: 1 },
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
          },
        });
        if (count === 0) throw await this.staleSave(id, body.baseVersion ?? 0);
        const bumped = await tx.job.findUniqueOrThrow({ where: { id }, select: { latestVersion: true } });
        await tx.jobVersion.create({ data: { jobId: id, version: bumped.latestVersion, sql: body.sql, config: { functions }, message: body.message, createdById: authorId ?? null } });
        return tx.job.findUniqueOrThrow({ where: { id }, include: withLatest });
      });
      return this.toJob(job);
    } catch (error) {
      throw body.name !== undefined ? nameConflict(error, body.name) : error;
    }
  }

  /** Every version of a job, newest first. */
  async versions(workspaceId: string, id: string): Promise<JobVersion[]> {
    await this.find(workspaceId, id);
    const rows = await this.db.jobVersion.findMany({ where: { jobId: id }, orderBy: { version: 'desc' } });
    const authors = await this.authors(rows.map((r) => r.createdById));
    return rows.map((row) => toVersion(row, authors));
  }

  /** The line diff of two versions' SQL, and whether their functions differ. */
  async diff(workspaceId: string, id: string, a: number, b: number): Promise<VersionDiff> {
    const [left, right] = await Promise.all([this.version(workspaceId, id, a, 'a'), this.version(workspaceId, id, b, 'b')]);
    const lines = lineDiff(left.sql, right.sql);
    return {
      a: left,
      b: right,
      lines,
      added: lines.filter((l) => l.kind === 'added').length,
      removed: lines.filter((l) => l.kind === 'removed').length,
      functionsChanged: JSON.stringify(left.functions) !== JSON.stringify(right.functions),
    };
  }

  /** Saves a new version with the SQL and functions of an old one. */
  async rollback(workspaceId: string, id: string, version: number, message: string | undefined, authorId?: string): Promise<Job> {
    const old = await this.version(workspaceId, id, version, 'version');
    return this.update(workspaceId, id, { sql: old.sql, functions: old.functions, message: message ?? `roll back to version ${version}` }, authorId);
  }

  private async version(workspaceId: string, id: string, version: number, field: string): Promise<JobVersion> {
    await this.find(workspaceId, id);
    const row = await this.db.jobVersion.findUnique({ where: { jobId_version: { jobId: id, version } } });
    if (!row) throw new WeirError('NOT_FOUND', `job '${id}' has no version ${version}`, { details: { issues: [{ path: field, message: `no version ${version}` }] } });
    return toVersion(row, await this.authors([row.createdById]));
  }

  /** The 409 for a save whose base is no longer the latest version: who saved the newer one, and when. */
  private async staleSave(id: string, baseVersion: number): Promise<WeirError> {
    const latest = await this.db.jobVersion.findFirst({ where: { jobId: id }, orderBy: { version: 'desc' } });
    const by = latest ? (await this.authors([latest.createdById])).get(latest.createdById ?? '') : undefined;
    const when = latest?.createdAt.toISOString() ?? '';
    return new WeirError('CONFLICT', `version ${latest?.version ?? '?'} was saved by ${by ?? 'someone else'} at ${when}, after version ${baseVersion} you started from; reload it, or save again on top of it`, {
      details: { latestVersion: latest?.version, savedBy: by ?? null, savedAt: when, issues: [{ path: 'baseVersion', message: `the latest version is ${latest?.version ?? '?'}` }] },
    });
  }

  private async authors(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    if (wanted.length === 0) return new Map();
    return new Map((await this.db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  }

  private async find(workspaceId: string, id: string) {
    const job = await this.db.job.findFirst({ where: { id, workspaceId }, include: withLatest });
    if (!job) throw new WeirError('NOT_FOUND', `job '${id}' not found`, { details: { id } });
    return job;
  }

  private async toJob(job: Awaited<ReturnType<JobService['find']>>): Promise<Job> {
    const latest = job.versions[0];
    if (!latest) throw new WeirError('INTERNAL', `job '${job.id}' has no version`);
    const deployment = job.deployments[0];
    return {
      id: job.id,
      workspaceId: job.workspaceId,
      name: job.name,
      description: job.description,
      latestVersion: toVersion(latest, await this.authors([latest.createdById])),
      deployment: deployment
        ? {
            id: deployment.id,
            version: deployment.jobVersion.version,
            status: await this.deployments.statusOf(deployment.id),
          }
        : null,
      createdAt: job.createdAt.toISOString(),
      updatedAt: job.updatedAt.toISOString(),
    };
  }
}

function nameConflict(error: unknown, name: string): unknown {
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') {
    return new WeirError('CONFLICT', `a job named '${name}' already exists`, {
      details: { issues: [{ path: 'name', message: 'already taken in this workspace' }] },
      cause: error,
    });
  }
  return error;
}

function toVersion(row: { id: string; version: number; sql: string; config: unknown; message: string; createdById: string | null; createdAt: Date }, authors: Map<string, string>): JobVersion {
  return {
    id: row.id,
    version: row.version,
    sql: row.sql,
    functions: versionFunctions(row.config),
    message: row.message,
    createdBy: row.createdById ? (authors.get(row.createdById) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}
