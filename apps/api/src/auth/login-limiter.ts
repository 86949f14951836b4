import { WeirError } from '@weir/contracts';
import type { Redis } from 'ioredis';

export interface LoginLimits {
  /** Sign-in attempts one address may make per minute, whatever the account. */
  attemptsPerMinute: number;
  /** Consecutive failures after which the account is locked. */
  maxFailures: number;
  lockoutMs: number;
}

/** Per-address throttling and per-account lockout of sign-in, in Redis so every API process sees it. */
export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginLimits,
  ) {}

  /** Throws RATE_LIMITED when the address is over its rate or the account is locked. */
  async admit(ip: string, email: string): Promise<void> {
    const ipKey = `${this.prefix}:login:ip:${ip}`;
    const [[, attempts], [, ttl]] = (await this.redis.multi().incr(ipKey).pttl(ipKey).exec()) as [[null, number], [null, number]];
    if (ttl < 0) await this.redis.pexpire(ipKey, 60_000);
    if (attempts > this.limits.attemptsPerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((ttl < 0 ? 60_000 : ttl) / 1000));
      throw new WeirError('RATE_LIMITED', `too many sign-in attempts from ${ip}; try again in ${retryAfterSeconds} s`, {
        details: { retryAfterSeconds },
      });
    }
    const locked = await this.redis.pttl(this.lockKey(email));
    if (locked > 0) throw this.lockedError(locked);
  }

  /** Counts a failure; returns true when this failure locked the account. */
  async failed(email: string): Promise<boolean> {
    const key = `${this.prefix}:login:failures:${email}`;
    const failures = await this.redis.incr(key);
    await this.redis.pexpire(key, this.limits.lockoutMs);
    if (failures < this.limits.maxFailures) return false;
    await this.redis.multi().set(this.lockKey(email), '1', 'PX', this.limits.lockoutMs).del(key).exec();
    return true;
  }

  /** The error a locked account answers with. */
  lockedError(remainingMs = this.limits.lockoutMs): WeirError {
    const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
    return new WeirError('RATE_LIMITED', `this account is locked after ${this.limits.maxFailures} failed sign-ins; try again in ${minutes} min`, {
      details: { retryAfterSeconds: Math.ceil(remainingMs / 1000) },
    });
  }

  async succeeded(email: string): Promise<void> {
    await this.redis.del(`${this.prefix}:login:failures:${email}`);
  }

  private lockKey(email: string): string {
    return `${this.prefix}:login:locked:${email}`;
  }
}
