import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { SqlError } from '@weir/engine';
import { DeploymentRunPayload, type RedisKeys } from '@weir/contracts';
import { ControlListener } from '../runtime/control-listener';
import { RunHost, type RunOutcome } from '../runtime/run-host';
import { RunReporter } from '../runtime/run-reporter';

/** Dependencies of the `deployment.run` handler. */
export interface DeploymentRunDeps {
  redis: Redis;
  subscriber: Redis;
  keys: RedisKeys;
  workerId: string;
  sampleIntervalMs: number;
  log: Logger;
  /** Runs in progress, so shutdown can stop them. */
  active: Set<RunHost>;
}

/** Handles a `deployment.run` queue job: hosts the run until it finishes or is stopped. */
export function deploymentRunHandler(deps: DeploymentRunDeps) {
  return async (job: Job): Promise<RunOutcome> => {
    const parsed = DeploymentRunPayload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed deployment.run payload: ${parsed.error.message}`);
    const payload = parsed.data;
    const run = { deploymentId: payload.deploymentId, runId: payload.runId };
    const reporter = new RunReporter(deps.redis, deps.keys, deps.workerId, run);
    const host = new RunHost(
      payload,
      reporter,
      (onStop) => new ControlListener(deps.subscriber, deps.redis, deps.keys, run, (c) => c.kind === 'stop' && onStop()),
      deps.sampleIntervalMs,
      deps.log.child({ runId: payload.runId }),
    );
    deps.active.add(host);
    try {
      return await host.run();
    } catch (error) {
      // Bad SQL will not get better on retry: a user error fails the queue job for good.
      if (error instanceof SqlError) throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      deps.active.delete(host);
    }
  };
}
