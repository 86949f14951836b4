import {
  WeirError,
  type Deployment,
  type DeploymentStatus,
  type DeployRequest,
  type StopRequest,
} from '@weir/contracts';
import type { Prisma, PrismaClient } from '@weir/db';
import type { Clock } from '../scheduler/clock';
import type { FencingEpochs } from '../scheduler/fencing-epochs';
import type { LivenessProbe } from '../scheduler/liveness';
import { launchable, type RunLauncher } from '../scheduler/run-launcher';
import type { SecretService } from './secret-service';
import { deriveStatus } from '../scheduler/status';
import { moveDeployment } from '../scheduler/state-store';
import { storedDeployment } from '../scheduler/stored-deployment';
import { isTerminal, type DeploymentState } from '../scheduler/transitions';
import { checkpointSettingsFor } from './checkpoint-settings';
import { resolveRestore } from './restore-resolution';
import { versionFunctions } from './job-functions';
import type { CatalogService } from './catalog-service';
import { compileForDeploy, functionsUsedBy } from './sql-validation';

const withRuns = {
  jobVersion: { select: { version: true } },
  runs: { orderBy: { attempt: 'desc' }, take: 1 },
} as const;
type DeploymentRow = Prisma.DeploymentGetPayload<{ include: typeof withRuns }>;

/** States from which a deployment can be suspended: it runs, or is about to. */
const suspendable: readonly DeploymentStatus[] = ['PENDING', 'STARTING', 'RUNNING', 'RESTARTING'];

/** Deploys job versions, stops, suspends and resumes deployments, and reports their status from observed facts. */
export class DeploymentService {
  constructor(
    private readonly db: PrismaClient,
    private readonly launcher: RunLauncher,
    private readonly epochs: FencingEpochs,
    private readonly liveness: LivenessProbe,
    private readonly clock: Clock,
    private readonly heartbeatTimeoutMs: number,
    private readonly secrets: SecretService,
    private readonly catalog: CatalogService,
  ) {}

  async get(workspaceId: string, id: string): Promise<Deployment> {
    return this.toDeployment(await this.find(workspaceId, id));
  }

  /** The status a person should see for a deployment right now. */
  async statusOf(deploymentId: string): Promise<DeploymentStatus> {
    const d = await this.db.deployment.findUniqueOrThrow({ where: { id: deploymentId }, include: withRuns });
    return (await this.toDeployment(d)).status;
  }

  /**
   * Validates the version's SQL, resolves the checkpointing in force and the snapshot to restore,
   * records the deployment and its first run, and queues the run. Suspended (or, from older
   * releases, lost) deployments of the job are retired and fenced: the new one takes their place.
   */
  async deploy(workspaceId: string, jobId: string, body: DeployRequest): Promise<Deployment> {
    const job = await this.db.job.findFirst({ where: { id: jobId, workspaceId } });
    if (!job) throw new WeirError('NOT_FOUND', `job '${jobId}' not found`, { details: { id: jobId } });
    const versionNumber = body.version ?? job.latestVersion;
    const version = await this.db.jobVersion.findUnique({ where: { jobId_version: { jobId, version: versionNumber } } });
    if (!version) {
      throw new WeirError('VALIDATION_FAILED', `job '${job.name}' has no version ${versionNumber}`, {
        details: { issues: [{ path: 'version', message: `no such version; latest is ${job.latestVersion}` }] },
      });
    }
    const config = body.config;
    const catalog = await this.catalog.workspaceCatalog(workspaceId, version.sql);
    const checkpointing = checkpointSettingsFor(compileForDeploy(version.sql, versionFunctions(version.config), catalog), config.checkpointing);
    await this.secrets.assertReferencesDefined(workspaceId, version.sql);
    const retired = await this.assertNoActiveDeployment(jobId, job.name);
    const restoredFrom = await resolveRestore(this.db, workspaceId, jobId, config.restore);

    const deployment = await this.db.$transaction(async (tx) => {
      for (const old of retired) {
        await moveDeployment(tx, old.id, old.state, 'STOPPED');
        await tx.deployment.update({ where: { id: old.id }, data: { desiredState: 'STOPPED' } });
      }
      return tx.deployment.create({
        data: {
          jobId,
          jobVersionId: version.id,
          desiredState: 'RUNNING',
          state: 'PENDING',
          config,
          checkpointing,
          catalogTables: catalog.used(),
          catalogFunctions: functionsUsedBy(version.sql, catalog.functions),
          ...(restoredFrom ? { restoredFrom } : {}),
          runs: { create: { attempt: 1, epoch: 1 } },
        },
        include: { ...launchable, runs: true },
      });
    });
    for (const old of retired) await this.epochs.raise(old.id, old.epoch + 1);
    await this.launcher.launch(deployment, deployment.runs[0]!);
    return this.get(workspaceId, deployment.id);
  }

  /** Asks for the deployment to stop, plainly, after a savepoint, or draining its sources; the scheduler carries it out. */
  async stop(workspaceId: string, id: string, request: StopRequest): Promise<Deployment> {
    const current = await this.get(workspaceId, id);
    if (isTerminal(current.status)) return current;
    if ((request.savepoint || request.drain) && !current.checkpointing.enabled) {
      throw new WeirError('CONFLICT', 'stop with a savepoint needs checkpointing, which this deployment has off', {
        details: { issues: [{ path: `body.${request.savepoint ? 'savepoint' : 'drain'}`, message: 'checkpointing is off' }] },
      });
    }
    await this.db.deployment.update({ where: { id }, data: { desiredState: 'STOPPED', stopRequest: request } });
    return this.get(workspaceId, id);
  }

  /** Asks for a savepoint and then a stop (SUSPENDED); resume continues from that savepoint. */
  async suspend(workspaceId: string, id: string): Promise<Deployment> {
    const current = await this.get(workspaceId, id);
    if (current.desiredState === 'SUSPENDED') return current;
    if (!suspendable.includes(current.status) || current.desiredState !== 'RUNNING') {
      throw new WeirError('CONFLICT', `a deployment that is ${current.status} cannot be suspended`, { details: { status: current.status } });
    }
    if (!current.checkpointing.enabled) {
      throw new WeirError('CONFLICT', 'suspend takes a savepoint, which needs checkpointing; this deployment has it off', { details: { status: current.status } });
    }
    await this.db.deployment.update({ where: { id }, data: { desiredState: 'SUSPENDED' } });
    return this.get(workspaceId, id);
  }

  /**
   * Starts the next attempt of a SUSPENDED deployment; it restores the newest snapshot in the
   * deployment's storage (the suspend's savepoint). Restart strategies count failures afresh.
   */
  async resume(workspaceId: string, id: string): Promise<Deployment> {
    await this.find(workspaceId, id);
    const resumed = await this.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Deployment" WHERE id = ${id} FOR UPDATE`;
      const d = await tx.deployment.findUniqueOrThrow({ where: { id }, include: { ...launchable, runs: { orderBy: { attempt: 'desc' }, take: 1 } } });
      if (d.state !== 'SUSPENDED' || d.desiredState !== 'SUSPENDED') {
        throw new WeirError('CONFLICT', `only a SUSPENDED deployment can be resumed; this one is ${d.state}`, { details: { status: d.state } });
      }
      const last = d.runs[0]!;
      const run = await tx.run.create({ data: { deploymentId: id, attempt: last.attempt + 1, epoch: last.epoch + 1 } });
      await moveDeployment(tx, id, 'SUSPENDED', 'PENDING');
      await tx.deployment.update({ where: { id }, data: { desiredState: 'RUNNING', failuresSince: new Date(this.clock.now()), failureCause: null, failureMessage: null } });
      return { d, run };
    });
    await this.launcher.launch(resumed.d, resumed.run);
    return this.get(workspaceId, id);
  }

  /** Deployments of the job a new one replaces; CONFLICT while one of them is still active. */
  private async assertNoActiveDeployment(jobId: string, jobName: string) {
    const candidates = await this.db.deployment.findMany({ where: { jobId, desiredState: { not: 'STOPPED' } }, include: withRuns });
    const retired: { id: string; state: DeploymentState; epoch: number }[] = [];
    for (const d of candidates) {
      const status = (await this.toDeployment(d)).status;
      if (status === 'SUSPENDED' || (status === 'LOST' && d.state === 'LOST')) {
        retired.push({ id: d.id, state: d.state as DeploymentState, epoch: d.runs[0]?.epoch ?? 0 });
      } else if (!isTerminal(status)) {
        throw new WeirError('CONFLICT', `job '${jobName}' already has an active deployment (${status}); stop it first`, {
          details: { deploymentId: d.id, status },
        });
      }
    }
    return retired;
  }

  private async find(workspaceId: string, id: string): Promise<DeploymentRow> {
    const d = await this.db.deployment.findFirst({ where: { id, job: { workspaceId } }, include: withRuns });
    if (!d) throw new WeirError('NOT_FOUND', `deployment '${id}' not found`, { details: { id } });
    return d;
  }

  private async toDeployment(d: DeploymentRow): Promise<Deployment> {
    const run = d.runs[0] ?? null;
    const facts = run ? (await this.liveness.facts([run])).get(run.id) ?? null : null;
    const lastCheckpoint = await this.db.checkpoint.findFirst({
      where: { deploymentId: d.id, status: { in: ['COMPLETED', 'DISCARDED'] }, completedAt: { not: null } },
      orderBy: { completedAt: 'desc' },
      select: { completedAt: true },
    });
    const { config, checkpointing } = storedDeployment(d);
    return {
      id: d.id,
      jobId: d.jobId,
      jobVersionId: d.jobVersionId,
      version: d.jobVersion.version,
      desiredState: d.desiredState,
      status: deriveStatus(d.state as DeploymentState, facts, this.heartbeatTimeoutMs),
      config,
      checkpointing,
      attempt: run?.attempt ?? 1,
      lastCheckpointAgeMs: lastCheckpoint?.completedAt ? Math.max(0, this.clock.now() - lastCheckpoint.completedAt.getTime()) : null,
      failureCause: d.failureCause,
      failureMessage: d.failureMessage,
      currentRun: run
        ? {
            id: run.id,
            attempt: run.attempt,
            epoch: run.epoch,
            workerId: run.workerId,
            startedAt: run.startedAt?.toISOString() ?? null,
            endedAt: run.endedAt?.toISOString() ?? null,
            endCause: run.endCause,
            error: run.error,
            heartbeatAgeMs: facts?.heartbeatAgeMs ?? null,
            restoredCheckpointId: run.restoredCheckpointId,
          }
        : null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}
