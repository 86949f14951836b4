import type { Redis } from 'ioredis';
import { redisKeys } from '@weir/contracts';
import type { LivenessFacts } from './status';

/** Reads heartbeats and queue locks of runs from Redis. */
export class LivenessProbe {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly queueName: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  /** Facts per run id, in one round trip. */
  async facts(runIds: readonly string[]): Promise<Map<string, LivenessFacts>> {
    const result = new Map<string, LivenessFacts>();
    if (runIds.length === 0) return result;
    const pipeline = this.redis.pipeline();
    for (const id of runIds) {
      pipeline.get(this.keys.heartbeat(id));
      pipeline.exists(bullLockKey(this.prefix, this.queueName, id));
    }
    const replies = (await pipeline.exec()) ?? [];
    const now = Date.now();
    runIds.forEach((id, i) => {
      const [hbErr, hb] = replies[2 * i] ?? [];
      const [lockErr, lock] = replies[2 * i + 1] ?? [];
      if (hbErr) throw hbErr;
      if (lockErr) throw lockErr;
      const beatAt = typeof hb === 'string' ? Number(hb) : NaN;
      result.set(id, {
        heartbeatAgeMs: Number.isFinite(beatAt) ? Math.max(0, now - beatAt) : null,
        lockHeld: lock === 1,
      });
    });
    return result;
  }
}

function bullLockKey(prefix: string, queueName: string, runId: string): string {
  return `${redisKeys(prefix).bullPrefix}:${queueName}:${runId}:lock`;
}
