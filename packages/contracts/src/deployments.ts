import { z } from 'zod';

export const RestartStrategy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('fixed-delay'),
    attempts: z.number().int().min(1).max(1000).default(3),
    delayMs: z.number().int().min(0).max(3_600_000).default(10_000),
  }),
]);
export type RestartStrategy = z.infer<typeof RestartStrategy>;

export const StartOffset = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), timestampMs: z.number().int().min(0) }),
  z.object({ kind: z.literal('savepoint'), savepointId: z.string().min(1) }),
]);
export type StartOffset = z.infer<typeof StartOffset>;

/** How a job version runs; every field has a default so `{}` is a valid deploy body. */
export const DeploymentConfig = z.object({
  parallelism: z.number().int().min(1).max(256).default(1),
  checkpointIntervalMs: z.number().int().min(1000).max(86_400_000).default(60_000),
  restartStrategy: RestartStrategy.default({ kind: 'fixed-delay', attempts: 3, delayMs: 10_000 }),
  startOffset: StartOffset.default({ kind: 'latest' }),
});
export type DeploymentConfig = z.infer<typeof DeploymentConfig>;

export const DeployRequest = z.object({
  /** Version to deploy; the job's latest version when absent. */
  version: z.number().int().min(1).optional(),
  config: DeploymentConfig.default(DeploymentConfig.parse({})),
});
export type DeployRequest = z.infer<typeof DeployRequest>;

/** What the operator asked for. */
export const DesiredState = z.enum(['RUNNING', 'STOPPED']);
export type DesiredState = z.infer<typeof DesiredState>;

/**
 * What the platform observed. RUNNING is only ever shown while a worker holds the run's lock
 * and its heartbeat is fresh; a run whose worker vanished shows LOST.
 */
export const DeploymentStatus = z.enum([
  'PENDING',
  'STARTING',
  'RUNNING',
  'STOPPING',
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
  workerId: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endCause: RunEndCause.nullable(),
  error: z.string().nullable(),
  heartbeatAgeMs: z.number().nullable(),
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
  currentRun: Run.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deployment = z.infer<typeof Deployment>;
