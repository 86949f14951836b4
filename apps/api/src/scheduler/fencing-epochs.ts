import type { Redis } from 'ioredis';
import { redisKeys } from '@weir/contracts';

// Raises, never lowers: a late or repeated raise for an older attempt must not unfence anything.
const RAISE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
if wanted > current then redis.call('SET', KEYS[1], ARGV[1]) return wanted end
return current`;

/**
 * Each deployment's fencing epoch in Redis. The scheduler raises it to a new attempt's epoch
 * before queuing that attempt (and past a lost run's epoch when nothing replaces it), so a run
 * with an older epoch, still alive somewhere, finds itself superseded before it commits.
 */
export class FencingEpochs {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  /** Sets the epoch to at least `epoch`; returns the epoch now in force. */
  async raise(deploymentId: string, epoch: number): Promise<number> {
    return Number(await this.redis.eval(RAISE, 1, this.keys.deploymentEpoch(deploymentId), String(epoch)));
  }
}
