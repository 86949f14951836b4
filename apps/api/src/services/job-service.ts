import { WeirError, type CreateJobRequest, type Job, type UpdateJobRequest } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import type { DeploymentStatus } from '@weir/contracts';
import { assertFunctionsParse, versionFunctions } from './job-functions';

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
          versions: { create: { version: 1, sql: body.sql, config: { functions: body.functions }, createdById: authorId ?? null } },
        },
        include: withLatest,
      });
      return this.toJob(job);
    } catch (error) {
      throw nameConflict(error, body.name);
    }
  }

  /** Saves a new immutable version by `authorId`; name and description change in place. */
  async update(workspaceId: string, id: string, body: UpdateJobRequest, authorId?: string): Promise<Job> {
    const previous = await this.find(workspaceId, id);
    const functions = body.functions ?? versionFunctions(previous.versions[0]?.config);
    assertFunctionsParse(functions);
    try {
      const job = await this.db.$transaction(async (tx) => {
        const bumped = await tx.job.update({
          where: { id },
          data: {
            latestVersion: { increment: 1 },
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
          },
        });
        await tx.jobVersion.create({ data: { jobId: id, version: bumped.latestVersion, sql: body.sql, config: { functions }, createdById: authorId ?? null } });
        return tx.job.findUniqueOrThrow({ where: { id }, include: withLatest });
      });
      return this.toJob(job);
    } catch (error) {
      throw body.name !== undefined ? nameConflict(error, body.name) : error;
    }
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
      latestVersion: {
        id: latest.id,
        version: latest.version,
        sql: latest.sql,
        functions: versionFunctions(latest.config),
        createdAt: latest.createdAt.toISOString(),
      },
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
