import type { Redis } from 'ioredis';
import { RUN_ENDED, type MetricSample, type RedisKeys, type RunEvent } from '@weir/contracts';

/** Writes a run's lifecycle events, heartbeats and metric samples to Redis. */
export class RunReporter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly workerId: string,
    private readonly run: { deploymentId: string; runId: string },
  ) {}

  async event(kind: RunEvent['kind'], error?: string): Promise<void> {
    const event: RunEvent = { kind, ...this.run, workerId: this.workerId, ts: Date.now(), ...(error ? { error } : {}) };
    await this.redis.xadd(this.keys.runEventsStream, 'MAXLEN', '~', 100_000, '*', 'data', JSON.stringify(event));
  }

  /** The heartbeat outlives a few missed beats, so a slow beat is not mistaken for death. */
  async heartbeat(): Promise<void> {
    await this.redis.set(this.keys.heartbeat(this.run.runId), String(Date.now()), 'PX', 15_000);
  }

  async sample(sample: MetricSample): Promise<void> {
    await this.redis.xadd(this.keys.metricsStream, 'MAXLEN', '~', 200_000, '*', 'data', JSON.stringify(sample));
  }

  /** Replaces the heartbeat with an end mark: the lock goes away next, and that is no crash. */
  async markEnded(): Promise<void> {
    await this.redis.set(this.keys.heartbeat(this.run.runId), RUN_ENDED, 'PX', 120_000);
  }
}
