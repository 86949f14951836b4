import { z } from 'zod';
import { PinnedCatalogTable } from './catalog';
import { CheckpointResult, CheckpointSettings, FailureCause, RestoredFrom } from './checkpoints';
import { StartOffset } from './deployments';
import { EncryptedSecret } from './secrets';
import { UserFunctions } from './user-functions';

/** Queue job names, `domain.verb`. */
export const QueueJobName = { deploymentRun: 'deployment.run', debugRun: 'debug.run' } as const;

/** Queue of the shared worker pool. */
export const DEFAULT_POOL_QUEUE = 'weir-pool-shared';

/** A completed snapshot by its folder URI (`…/<deployment>/chk-12`, `…/sp-13-1712…`). */
export const SnapshotRef = z.object({
  location: z.string().min(1),
  checkpointId: z.number().int().min(1),
});
export type SnapshotRef = z.infer<typeof SnapshotRef>;

/**
 * What a run restores. `none`: start empty (start offsets apply). `snapshot`: this one.
 * `latest`: the newest completed checkpoint or savepoint in the deployment's own storage, which
 * the worker finds by listing it (events about newer ones may still be on their way to the
 * scheduler), else `fallback` (the snapshot the deployment first started from).
 */
export const RestoreSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('snapshot'), snapshot: SnapshotRef }),
  z.object({ kind: z.literal('latest'), fallback: SnapshotRef.optional() }),
]);
export type RestoreSpec = z.infer<typeof RestoreSpec>;

/** Payload of a `deployment.run` queue job: everything a worker needs to run one attempt. */
export const DeploymentRunPayload = z.object({
  deploymentId: z.string(),
  runId: z.string(),
  attempt: z.number().int().min(1),
  /** The run's fencing token; it must stop committing once the deployment's epoch in Redis is higher. */
  epoch: z.number().int().min(1),
  jobVersionId: z.string(),
  jobVersion: z.number().int().min(1),
  sql: z.string(),
  /** The job version's user functions, run by the worker in its sandbox. */
  functions: UserFunctions.default([]),
  parallelism: z.number().int().min(1),
  /** Checkpointing in force, resolved by the scheduler from the deployment's config and the SQL. */
  checkpointing: CheckpointSettings,
  restore: RestoreSpec,
  allowNonRestoredState: z.boolean(),
  startOffset: StartOffset.optional(),
  memoryLimitMb: z.number().int().min(1),
  /** The workspace secrets the SQL references, still encrypted: the worker decrypts and substitutes them. */
  secrets: z.array(EncryptedSecret).default([]),
  /** The catalog tables the deployment was pinned to; their `${secret.…}` references are among `secrets`. */
  catalogTables: z.array(PinnedCatalogTable).default([]),
  /** Functions callable by SQL name without CREATE FUNCTION: name → identifier of one of `functions`. */
  catalogFunctions: z.record(z.string(), z.string()).default({}),
});
export type DeploymentRunPayload = z.infer<typeof DeploymentRunPayload>;

const addressed = { deploymentId: z.string(), runId: z.string() };

/** A command from the scheduler to the worker running a deployment. */
export const ControlCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stop'), ...addressed, savepoint: z.boolean().default(false), drain: z.boolean().default(false) }),
  /** Take a savepoint while the run goes on; the answer goes to `savepointReply(requestId)`. */
  z.object({ kind: z.literal('savepoint'), ...addressed, requestId: z.string().min(1) }),
]);
export type ControlCommand = z.infer<typeof ControlCommand>;

/** The worker's answer to a `savepoint` command. */
export const SavepointReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), savepoint: CheckpointResult }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type SavepointReply = z.infer<typeof SavepointReply>;

const reported = { ...addressed, workerId: z.string(), ts: z.number().int() };

/** A worker's report of a run's lifecycle, read by the scheduler. */
export const RunEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claimed'), ...reported }),
  /** The run restored a snapshot (sent before `started`); absent when it started empty. */
  z.object({ kind: z.literal('restored'), ...reported, restored: RestoredFrom }),
  z.object({ kind: z.literal('started'), ...reported }),
  /** A checkpoint or savepoint completed, failed or was discarded. */
  z.object({ kind: z.literal('checkpoint'), ...reported, checkpoint: CheckpointResult }),
  z.object({ kind: z.literal('finished'), ...reported }),
  /** Ended on request; `savepoint` when it stopped with one. */
  z.object({ kind: z.literal('stopped'), ...reported, savepoint: CheckpointResult.optional() }),
  /** `recoverable`: a new attempt may succeed (not so for bad SQL, a refused restore, or a fenced run). */
  z.object({
    kind: z.literal('failed'),
    ...reported,
    cause: FailureCause,
    error: z.string(),
    stack: z.string().optional(),
    recoverable: z.boolean(),
  }),
]);
export type RunEvent = z.infer<typeof RunEvent>;

/** Heartbeat value a worker leaves when it ended a run itself, so the end is not taken for a crash. */
export const RUN_ENDED = 'ended';

/** Redis key names shared by api and worker; `prefix` isolates installations and test runs. */
export function redisKeys(prefix: string) {
  return {
    metricsStream: `${prefix}:metrics`,
    runEventsStream: `${prefix}:run-events`,
    controlChannel: (deploymentId: string) => `${prefix}:control:${deploymentId}`,
    heartbeat: (runId: string) => `${prefix}:heartbeat:${runId}`,
    /** The deployment's fencing epoch: the epoch of its newest attempt, raised before that attempt is queued. */
    deploymentEpoch: (deploymentId: string) => `${prefix}:epoch:${deploymentId}`,
    savepointReply: (requestId: string) => `${prefix}:savepoint-reply:${requestId}`,
    workers: `${prefix}:workers`,
    /** BullMQ's own key prefix; a queue job's id is the run id. */
    bullPrefix: `${prefix}:bull`,
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;
