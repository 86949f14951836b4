import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SecretKeyring } from '@weir/contracts/secret-box';
import { DeploymentRunPayload, type RedisKeys } from '@weir/contracts';
import { ControlListener } from '../runtime/control-listener';
import type { JobThreadPool } from '../runtime/job-thread-pool';
import { classifyFailure } from '../runtime/run-failure';
import { RunHost, type RunOutcome } from '../runtime/run-host';
import { RunReporter } from '../runtime/run-reporter';
import type { UdfLimits } from '../runtime/udf-sandbox';

/** Dependencies of the `deployment.run` handler. */
export interface DeploymentRunDeps {
  redis: Redis;
  subscriber: Redis;
  keys: RedisKeys;
  workerId: string;
  sampleIntervalMs: number;
  checkpointRoot: string;
  unresponsiveMs: number;
  threads: JobThreadPool;
  keyring: SecretKeyring;
  udfLimits: UdfLimits;
  log: Logger;
  /** Runs in progress, so shutdown can stop them. */
  active: Set<RunHost>;
}

/** Handles a `deployment.run` queue job: hosts the run until it finishes, is stopped, or fails. */
export function deploymentRunHandler(deps: DeploymentRunDeps) {
  return async (job: Job): Promise<RunOutcome> => {
    const parsed = DeploymentRunPayload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed deployment.run payload: ${parsed.error.message}`);
    const payload = parsed.data;
    const run = { deploymentId: payload.deploymentId, runId: payload.runId };
    const host = new RunHost(
      payload,
      new RunReporter(deps.redis, deps.keys, deps.workerId, run),
      (onCommand) => new ControlListener(deps.subscriber, deps.redis, deps.keys, run, onCommand),
      { sampleIntervalMs: deps.sampleIntervalMs, checkpointRoot: deps.checkpointRoot, unresponsiveMs: deps.unresponsiveMs, threads: deps.threads, keyring: deps.keyring, udfLimits: deps.udfLimits, log: deps.log.child({ runId: payload.runId }) },
    );
    deps.active.add(host);
    try {
      return await host.run();
    } catch (error) {
      // What will not get better on retry (bad SQL, a refused restore) fails the queue job for good.
      if (!classifyFailure(error).recoverable) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      deps.active.delete(host);
    }
  };
}
