import { EngineError } from '../errors';
import type { StateBackend, StateKey } from './state-backend';
import { parseDurationMs } from './watermark-generator';

/** The session option that bounds how long idle keyed state is kept (Flink's `table.exec.state.ttl`). */
export const STATE_TTL_OPTION = 'table.exec.state.ttl';

/** `table.exec.state.ttl` in milliseconds, or undefined when state is kept forever (absent or 0, as in Flink). */
export function stateTtlMs(config: Record<string, string>): number | undefined {
  const text = config[STATE_TTL_OPTION];
  if (text === undefined) return undefined;
  const ms = parseDurationMs(text);
  if (ms === undefined) {
    throw new EngineError(`'${STATE_TTL_OPTION}' must be a duration such as '1 h' or '30 min', got '${text}'`, { code: 'CONFIG_INVALID', domain: 'user', details: { option: STATE_TTL_OPTION, value: text } });
  }
  return ms > 0 ? ms : undefined;
}

/**
 * Idle-state retention of one keyed operator, as Flink's StateTtlConfig with OnCreateAndWrite and
 * NeverReturnExpired on processing time: a key whose state was not written for the TTL is removed.
 * Write times live in their own state namespace, in write order (a write moves the key to the
 * back), so expiry walks only the keys that expire and stops at the first live one.
 */
export class StateTtl {
  private readonly writtenAt: Map<StateKey, number>;

  /** Guards `keyed`, the state namespace `owner`: expiry deletes keys from it. */
  constructor(
    state: StateBackend,
    owner: string,
    private readonly keyed: Map<StateKey, unknown>,
    private readonly ttlMs: number,
  ) {
    this.writtenAt = state.namespace<number>(`${owner}:ttl`);
  }

  /** For namespace `owner` of an operator whose session sets `table.exec.state.ttl`; undefined when state never expires. */
  static of(state: StateBackend, owner: string, config: Record<string, string>): StateTtl | undefined {
    const ttlMs = stateTtlMs(config);
    return ttlMs === undefined ? undefined : new StateTtl(state, owner, state.namespace(owner), ttlMs);
  }

  /** The state of `key` was written at `nowMs`. */
  touch(key: StateKey, nowMs: number): void {
    this.writtenAt.delete(key);
    this.writtenAt.set(key, nowMs);
  }

  /** The state of `key` is gone for another reason (a group emptied by retractions). */
  forget(key: StateKey): void {
    this.writtenAt.delete(key);
  }

  /** Deletes, and forgets, every key last written `ttlMs` or longer before `nowMs`. */
  expire(nowMs: number): void {
    for (const [key, at] of this.writtenAt) {
      if (nowMs - at < this.ttlMs) return;
      this.writtenAt.delete(key);
      this.keyed.delete(key);
    }
  }
}
