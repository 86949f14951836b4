import { z } from 'zod';
import { DeploymentConfig } from './deployments';

/** Queue job names, `domain.verb`. */
export const QueueJobName = { deploymentRun: 'deployment.run' } as const;

/** Queue of the shared worker pool. */
export const DEFAULT_POOL_QUEUE = 'weir-pool-shared';

/** Payload of a `deployment.run` queue job: everything a worker needs to run one attempt. */
export const DeploymentRunPayload = z.object({
  deploymentId: z.string(),
  runId: z.string(),
  jobVersionId: z.string(),
  sql: z.string(),
  config: DeploymentConfig,
});
export type DeploymentRunPayload = z.infer<typeof DeploymentRunPayload>;

/** A command from the scheduler to the worker running a deployment. */
export const ControlCommand = z.object({
  kind: z.enum(['stop']),
  deploymentId: z.string(),
  runId: z.string(),
});
export type ControlCommand = z.infer<typeof ControlCommand>;

/** A worker's report of a run's lifecycle, read by the scheduler. */
export const RunEvent = z.object({
  kind: z.enum(['claimed', 'started', 'finished', 'stopped', 'failed']),
  deploymentId: z.string(),
  runId: z.string(),
  workerId: z.string(),
  ts: z.number().int(),
  error: z.string().optional(),
});
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
    workers: `${prefix}:workers`,
    /** BullMQ's own key prefix; a queue job's id is the run id. */
    bullPrefix: `${prefix}:bull`,
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;
