import type { Row } from '../../runtime/row';
import type { StateBackend, StateKey } from '../../runtime/state-backend';
import { TimeQueue } from '../../runtime/time-queue';

/** A stored row of an interval join and whether it has joined yet (an outer side pads it on expiry otherwise). */
export interface IntervalRecord {
  row: Row;
  matched: boolean;
}

/**
 * The rows of one interval join input by join key and row time (Flink's TimeIntervalJoin cache),
 * with each (key, time) filed in a time queue under the time the row stops being joinable, so a
 * watermark removes exactly the rows it expires.
 */
export class IntervalJoinSide {
  private readonly byKey: Map<StateKey, Map<number, IntervalRecord[]>>;
  private readonly expiry: TimeQueue<StateKey>;

  /** `lastPartnerOffsetMs`: a row at time t can still meet rows of the other side up to t + offset. */
  constructor(state: StateBackend, namespace: string, private readonly lastPartnerOffsetMs: number) {
    this.byKey = state.namespace(namespace);
    this.expiry = new TimeQueue(state, `${namespace}:expiry`);
  }

  /** The last time of the other side a row at `time` can join with. */
  lastPartner(time: number): number {
    return time + this.lastPartnerOffsetMs;
  }

  /** Stores a row at `time` under `key`. */
  add(key: StateKey, time: number, record: IntervalRecord): void {
    let byTime = this.byKey.get(key);
    if (!byTime) {
      byTime = new Map();
      this.byKey.set(key, byTime);
    }
    const records = byTime.get(time);
    if (records) records.push(record);
    else {
      byTime.set(time, [record]);
      this.expiry.add(this.lastPartner(time), key);
    }
  }

  /** The rows under `key`, grouped by their time. */
  rowsOf(key: StateKey): Map<number, IntervalRecord[]> | undefined {
    return this.byKey.get(key);
  }

  /** Removes every row whose last partner time is at or below the watermark and hands it to `expired`. */
  expire(watermark: number, expired: (record: IntervalRecord) => void): void {
    for (let due = this.expiry.pollDue(watermark); due; due = this.expiry.pollDue(watermark)) {
      const time = due.time - this.lastPartnerOffsetMs;
      for (const key of due.values) {
        const byTime = this.byKey.get(key);
        const records = byTime?.get(time);
        if (!byTime || !records) continue;
        byTime.delete(time);
        if (byTime.size === 0) this.byKey.delete(key);
        records.forEach(expired);
      }
    }
  }
}
