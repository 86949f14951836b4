import type { Redis } from 'ioredis';
import { RUN_ENDED, redisKeys } from '@weir/contracts';
import type { LivenessFacts } from './status';

/** Reads heartbeats (or the worker's end mark) and queue locks of runs from Redis. */
export class LivenessProbe {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly queueName: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  /** Facts per run id, in one round trip. */
  async facts(runIds: readonly string[]): Promise<Map<string, LivenessFacts>> {
    const result = new Map<string, LivenessFacts>();
    if (runIds.length === 0) return result;
    const pipeline = this.redis.pipeline();
    const queue = `${this.keys.bullPrefix}:${this.queueName}`;
    for (const id of runIds) {
      pipeline.get(this.keys.heartbeat(id));
      pipeline.exists(`${queue}:${id}:lock`);
    }
    const replies = (await pipeline.exec()) ?? [];
    const now = Date.now();
    runIds.forEach((id, i) => {
      const [hb, lock] = replies.slice(2 * i, 2 * i + 2).map(([err, value]) => {
        if (err) throw err;
        return value;
      });
      const beatAt = typeof hb === 'string' ? Number(hb) : NaN;
      result.set(id, {
        heartbeatAgeMs: Number.isFinite(beatAt) ? Math.max(0, now - beatAt) : null,
        lockHeld: lock === 1,
        runEnded: hb === RUN_ENDED,
      });
    });
    return result;
  }
}

