import type { Redis } from 'ioredis';
import type { MetricSample, RedisKeys, RunEvent } from '@weir/contracts';

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

  async clear(): Promise<void> {
    await this.redis.del(this.keys.heartbeat(this.run.runId));
  }
}
