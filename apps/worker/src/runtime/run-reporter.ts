import type { Redis } from 'ioredis';
import { RUN_ENDED, type MetricSample, type RedisKeys, type RunEvent, type SavepointReply } from '@weir/contracts';

type Addressing = 'deploymentId' | 'runId' | 'workerId' | 'ts';
/** A run event without the fields the reporter fills in. */
export type RunEventBody = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, Addressing> : never) : never;

/** Writes a run's lifecycle events, heartbeats, metric samples and savepoint replies to Redis. */
export class RunReporter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly workerId: string,
    private readonly run: { deploymentId: string; runId: string },
  ) {}

  async event(body: RunEventBody): Promise<void> {
    const event = { ...body, ...this.run, workerId: this.workerId, ts: Date.now() } as RunEvent;
    await this.redis.xadd(this.keys.runEventsStream, 'MAXLEN', '~', 100_000, '*', 'data', JSON.stringify(event));
  }

  /** The heartbeat outlives a few missed beats, so a slow beat is not mistaken for death. */
  async heartbeat(): Promise<void> {
    await this.redis.set(this.keys.heartbeat(this.run.runId), String(Date.now()), 'PX', 15_000);
  }

  async sample(sample: MetricSample): Promise<void> {
    await this.redis.xadd(this.keys.metricsStream, 'MAXLEN', '~', 200_000, '*', 'data', JSON.stringify(sample));
  }

  /** Answers a savepoint command; the API polls the key until then (or gives up, and the key expires). */
  async savepointReply(requestId: string, reply: SavepointReply): Promise<void> {
    await this.redis.set(this.keys.savepointReply(requestId), JSON.stringify(reply), 'PX', 600_000);
  }

  /** The deployment's fencing epoch now, or null when none was ever raised. */
  async deploymentEpoch(): Promise<number | null> {
    const value = await this.redis.get(this.keys.deploymentEpoch(this.run.deploymentId));
    return value === null ? null : Number(value);
  }

  /** Replaces the heartbeat with an end mark: the lock goes away next, and that is no crash. */
  async markEnded(): Promise<void> {
    await this.redis.set(this.keys.heartbeat(this.run.runId), RUN_ENDED, 'PX', 120_000);
  }
}
