import { PinnedFunctions, poolQueueOf, QueueJobName, type DeploymentRunPayload, type PinnedCatalogTable, type RestoreSpec, type SnapshotRef } from '@weir/contracts';
import type { Deployment, Prisma, PrismaClient, Run } from '@weir/db';
import { versionFunctions } from '../services/job-functions';
import { mergeFunctions } from '../services/sql-validation';
import type { ConnectionService } from '../services/connection-service';
import type { SecretService } from '../services/secret-service';
import type { FencingEpochs } from './fencing-epochs';
import type { PoolQueues } from './pool-queues';
import { storedDeployment } from './stored-deployment';

/** What a launch reads of a deployment; include `launchable` in the query. */
export const launchable = { jobVersion: { select: { id: true, version: true, sql: true, config: true } }, job: { select: { workspaceId: true, workspace: { select: { poolQueue: true } } } } } as const;
export type LaunchableDeployment = Deployment & { jobVersion: { id: string; version: number; sql: string; config: Prisma.JsonValue }; job: { workspaceId: string; workspace: { poolQueue: string | null } } };

/**
 * What an attempt restores. The first attempt restores what the deploy chose; every later one
 * (failover, resume) the newest snapshot in the deployment's own storage, found by the worker,
 * or else the deploy's choice.
 */
export function restoreSpecFor(attempt: number, restoredFrom: SnapshotRef | undefined): RestoreSpec {
  if (attempt > 1) return restoredFrom ? { kind: 'latest', fallback: restoredFrom } : { kind: 'latest' };
  return restoredFrom ? { kind: 'snapshot', snapshot: restoredFrom } : { kind: 'none' };
}

/**
 * Queues an attempt of a deployment on its workspace's pool (its exclusive one when it has one):
 * raises the fencing epoch to the run's, then adds the queue job.
 */
export class RunLauncher {
  constructor(
    private readonly db: PrismaClient,
    private readonly queues: PoolQueues,
    private readonly epochs: FencingEpochs,
    private readonly secrets: SecretService,
    private readonly connections: ConnectionService,
  ) {}

  /**
   * Idempotent: the queue job's id is the run id, so queuing a run twice (the reconciler finding
   * a run whose launch was cut short) leaves one job.
   */
  async launch(d: LaunchableDeployment, run: Pick<Run, 'id' | 'attempt' | 'epoch'>, delayMs = 0): Promise<void> {
    const { config, checkpointing, restoredFrom } = storedDeployment(d);
    const catalogTables = d.catalogTables as PinnedCatalogTable[];
    const pinnedFunctions = PinnedFunctions.parse(d.catalogFunctions);
    const payload: DeploymentRunPayload = {
      deploymentId: d.id,
      runId: run.id,
      attempt: run.attempt,
      epoch: run.epoch,
      jobVersionId: d.jobVersion.id,
      jobVersion: d.jobVersion.version,
      sql: d.jobVersion.sql,
      functions: mergeFunctions(versionFunctions(d.jobVersion.config), pinnedFunctions),
      parallelism: config.parallelism,
      checkpointing,
      restore: restoreSpecFor(run.attempt, restoredFrom),
      allowNonRestoredState: config.allowNonRestoredState,
      ...(config.startOffset ? { startOffset: config.startOffset } : {}),
      memoryLimitMb: config.memoryLimitMb,
      // Read at every launch, so a restart after a secret changed runs with the new value.
      secrets: [...(await this.secrets.encryptedFor(d.job.workspaceId, d.jobVersion.sql)), ...(await this.connections.encryptedFor(d.job.workspaceId, catalogTables.flatMap((t) => Object.values(t.options))))],
      catalogTables,
      catalogFunctions: pinnedFunctions.names,
    };
    // The older attempt must be fenced before the new one can possibly start.
    await this.epochs.raise(d.id, run.epoch);
    const queue = poolQueueOf(d.job.workspace.poolQueue);
    await this.queues.get(queue).add(QueueJobName.deploymentRun, payload, { jobId: run.id, delay: delayMs });
    await this.db.run.update({ where: { id: run.id }, data: { queueJobId: run.id, queue } });
  }
}
