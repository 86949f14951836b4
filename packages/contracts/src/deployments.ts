import { z } from 'zod';
import { CheckpointSettings, FailureCause } from './checkpoints';

/** Flink's Integer.MAX_VALUE: exponential-delay retries without a limit unless one is set. */
const UNLIMITED_ATTEMPTS = 2_147_483_647;

/**
 * What the scheduler does when a run fails or its worker is lost, as Flink's restart strategies
 * (`restart-strategy.type`), with Flink's defaults for each field.
 */
export const RestartStrategy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('fixed-delay'),
    /** Restarts before the deployment fails (`restart-strategy.fixed-delay.attempts`). */
    attempts: z.number().int().min(1).max(UNLIMITED_ATTEMPTS).default(1),
    delayMs: z.number().int().min(0).max(3_600_000).default(1000),
  }),
  z.object({
    kind: z.literal('exponential-delay'),
    initialBackoffMs: z.number().int().min(0).max(3_600_000).default(1000),
    maxBackoffMs: z.number().int().min(0).max(86_400_000).default(300_000),
    multiplier: z.number().min(1).max(100).default(2),
    /** A run that stayed up this long since the previous failure starts the backoff (and the attempt count) over. */
    resetBackoffThresholdMs: z.number().int().min(1).max(31 * 86_400_000).default(3_600_000),
    /** Each delay is moved at random by up to this fraction of itself, so many deployments do not restart in step. */
    jitterFactor: z.number().min(0).max(1).default(0.1),
    /** Restarts before the deployment fails, counted since the last backoff reset. */
    attempts: z.number().int().min(1).max(UNLIMITED_ATTEMPTS).default(UNLIMITED_ATTEMPTS),
  }),
  z.object({
    kind: z.literal('failure-rate'),
    /** More failures than this within `failureRateIntervalMs` fail the deployment. */
    maxFailuresPerInterval: z.number().int().min(1).max(10_000).default(1),
    failureRateIntervalMs: z.number().int().min(1).max(86_400_000).default(60_000),
    delayMs: z.number().int().min(0).max(3_600_000).default(1000),
  }),
]);
export type RestartStrategy = z.infer<typeof RestartStrategy>;

/**
 * The default strategy: exponential backoff from 500 ms, so a killed worker's deployment is
 * RUNNING again within 5 s, while a run that keeps crashing is retried ever more slowly.
 */
export const DEFAULT_RESTART_STRATEGY: RestartStrategy = {
  kind: 'exponential-delay',
  initialBackoffMs: 500,
  maxBackoffMs: 300_000,
  multiplier: 2,
  resetBackoffThresholdMs: 3_600_000,
  jitterFactor: 0.1,
  attempts: UNLIMITED_ATTEMPTS,
};

/** Where sources start when a run restores nothing. */
export const StartOffset = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), timestampMs: z.number().int().min(0) }),
]);
export type StartOffset = z.infer<typeof StartOffset>;

/**
 * What a new deployment restores: nothing; the newest checkpoint or savepoint of the job's earlier
 * deployments; the newest savepoint; or a chosen savepoint (its id in the checkpoint list).
 */
export const RestoreChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NONE') }),
  z.object({ kind: z.literal('LATEST_STATE') }),
  z.object({ kind: z.literal('LATEST_SAVEPOINT') }),
  z.object({ kind: z.literal('SAVEPOINT'), savepointId: z.string().min(1) }),
]);
export type RestoreChoice = z.infer<typeof RestoreChoice>;

/**
 * A deployment's checkpointing choices. Absent fields leave the SQL's SET
 * (`execution.checkpointing.*`) or the engine's defaults in force: on, every 10 s, EXACTLY_ONCE.
 */
export const CheckpointingConfig = z.object({
  /** 0 turns checkpointing off (Flink's `execution.checkpointing.interval`; engine default 10000). */
  intervalMs: z.number().int().min(0).max(86_400_000).optional(),
  mode: z.enum(['EXACTLY_ONCE', 'AT_LEAST_ONCE']).optional(),
  timeoutMs: z.number().int().min(1000).max(86_400_000).optional(),
  minPauseMs: z.number().int().min(0).max(86_400_000).optional(),
  incremental: z.boolean().optional(),
  numRetained: z.number().int().min(1).max(100).optional(),
});
export type CheckpointingConfig = z.infer<typeof CheckpointingConfig>;

/** How a job version runs; every field has a default so `{}` is a valid deploy body. */
export const DeploymentConfig = z.object({
  parallelism: z.number().int().min(1).max(256).default(1),
  checkpointing: CheckpointingConfig.default({}),
  restartStrategy: RestartStrategy.default(DEFAULT_RESTART_STRATEGY),
  /** Absent: each source's own option (e.g. 'scan.startup.mode'). */
  startOffset: StartOffset.optional(),
  restore: RestoreChoice.default({ kind: 'NONE' }),
  /** Drop the state of operators the new SQL no longer has, instead of refusing the restore. */
  allowNonRestoredState: z.boolean().default(false),
  /** Heap limit of the run. */
  memoryLimitMb: z.number().int().min(64).max(65_536).default(1024),
});
export type DeploymentConfig = z.infer<typeof DeploymentConfig>;

export const DeployRequest = z.object({
  /** Version to deploy; the job's latest version when absent. */
  version: z.number().int().min(1).optional(),
  config: DeploymentConfig.default(DeploymentConfig.parse({})),
});
export type DeployRequest = z.infer<typeof DeployRequest>;

/** `POST /deployments/:id/stop`: a plain stop, after a savepoint, or draining the sources first (Flink's `stop --drain`). */
export const StopRequest = z.object({
  savepoint: z.boolean().default(false),
  drain: z.boolean().default(false),
});
export type StopRequest = z.infer<typeof StopRequest>;

/** What the operator asked for. SUSPENDED: stopped after a savepoint, to be resumed from it. */
export const DesiredState = z.enum(['RUNNING', 'STOPPED', 'SUSPENDED']);
export type DesiredState = z.infer<typeof DesiredState>;

/**
 * What the platform observed. RUNNING is only ever shown while a worker holds the run's lock
 * and its heartbeat is fresh; a run whose worker vanished shows LOST until the scheduler acts.
 * RESTARTING: a failed or lost run's next attempt waits for its delay or a worker.
 */
export const DeploymentStatus = z.enum([
  'PENDING',
  'STARTING',
  'RUNNING',
  'RESTARTING',
  'STOPPING',
  'SUSPENDING',
  'SUSPENDED',
  'STOPPED',
  'FINISHED',
  'FAILED',
  'LOST',
]);
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;

export const RunEndCause = z.enum(['STOPPED', 'FINISHED', 'FAILED', 'WORKER_LOST']);
export type RunEndCause = z.infer<typeof RunEndCause>;

export const Run = z.object({
  id: z.string(),
  attempt: z.number().int().min(1),
  /** Fencing token: a run whose epoch is older than the deployment's may not complete a checkpoint. */
  epoch: z.number().int().min(1),
  workerId: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endCause: RunEndCause.nullable(),
  error: z.string().nullable(),
  heartbeatAgeMs: z.number().nullable(),
  /** The checkpoint or savepoint id the run started from. */
  restoredCheckpointId: z.number().int().nullable(),
});
export type Run = z.infer<typeof Run>;

export const Deployment = z.object({
  id: z.string(),
  jobId: z.string(),
  jobVersionId: z.string(),
  version: z.number().int(),
  desiredState: DesiredState,
  status: DeploymentStatus,
  config: DeploymentConfig,
  /** Checkpointing in force: the config's choices over the SQL's SET and the engine's defaults. */
  checkpointing: CheckpointSettings,
  /** The current run's attempt number (1 until the first failover). */
  attempt: z.number().int().min(1),
  /** Time since the newest completed checkpoint or savepoint; null before the first. */
  lastCheckpointAgeMs: z.number().min(0).nullable(),
  /** Why the deployment FAILED; null otherwise. */
  failureCause: FailureCause.nullable(),
  failureMessage: z.string().nullable(),
  currentRun: Run.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deployment = z.infer<typeof Deployment>;
