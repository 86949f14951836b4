import type { Redis } from 'ioredis';
import { poolQueueOf, RUN_ENDED, redisKeys } from '@weir/contracts';
import type { LivenessFacts } from './status';

/** A run and the pool queue it was put on (null: the shared pool). */
export interface PlacedRun {
  id: string;
  queue: string | null;
}

/** Reads heartbeats (or the worker's end mark) and queue locks of runs from Redis. */
export class LivenessProbe {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  /** Facts per run id, in one round trip; each run's lock is looked up in the pool queue it was put on. */
  async facts(runs: readonly PlacedRun[]): Promise<Map<string, LivenessFacts>> {
    const result = new Map<string, LivenessFacts>();
    if (runs.length === 0) return result;
    const pipeline = this.redis.pipeline();
    for (const run of runs) {
      pipeline.get(this.keys.heartbeat(run.id));
      pipeline.exists(`${this.keys.bullPrefix}:${poolQueueOf(run.queue)}:${run.id}:lock`);
    }
    const replies = (await pipeline.exec()) ?? [];
    const now = Date.now();
    runs.forEach(({ id }, i) => {
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

