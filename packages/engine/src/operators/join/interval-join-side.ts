import type { Row } from '../../runtime/row';
import type { StateBackend, StateKey } from '../../runtime/state-backend';
import { TimeQueue } from '../../runtime/time-queue';

/**
 * The rows of one key, ordered by time, whether each has joined yet (kept for an outer side only,
 * which pads the rows that never did), and the time of the key's live cleanup timer.
 */
interface KeyRows {
  rows: Row[];
  matched: boolean[] | null;
  timer: number;
}

/**
 * The rows of one interval join input by join key (Flink's TimeIntervalJoin cache), sorted by row
 * time so the rows in a partner's bounds are a binary-searched range. As Flink does, each key has
 * one cleanup timer at the time its earliest row stops being joinable; firing it removes the rows
 * the watermark expired and sets the next timer, so a watermark costs what it expires.
 */
export class IntervalJoinSide {
  private readonly byKey: Map<StateKey, KeyRows>;
  private readonly timers: TimeQueue<StateKey>;

  /**
   * `timeIndex`: the row's time column; `lastPartnerOffsetMs`: a row at t can still meet rows of
   * the other side up to t + offset; `trackMatches`: remember which rows joined (outer sides).
   */
  constructor(state: StateBackend, namespace: string, private readonly timeIndex: number, private readonly lastPartnerOffsetMs: number, private readonly trackMatches: boolean) {
    this.byKey = state.namespace(namespace);
    this.timers = new TimeQueue(state, `${namespace}:timers`);
  }

  /** The last time of the other side a row at `time` can join with. */
  lastPartner(time: number): number {
    return time + this.lastPartnerOffsetMs;
  }

  /** Stores a row under `key`; `matched` when it already joined on arrival. */
  add(key: StateKey, row: Row, matched: boolean): void {
    const time = row[this.timeIndex] as number;
    const entry = this.byKey.get(key);
    if (!entry) {
      const first: KeyRows = { rows: [row], matched: this.trackMatches ? [matched] : null, timer: this.lastPartner(time) };
      this.byKey.set(key, first);
      this.timers.add(first.timer, key);
      return;
    }
    const at = upperBound(entry.rows, this.timeIndex, time);
    entry.rows.splice(at, 0, row);
    entry.matched?.splice(at, 0, matched);
    if (at === 0 && this.lastPartner(time) < entry.timer) {
      // A new earliest row: the key's timer moves up (the old one is skipped when it fires).
      entry.timer = this.lastPartner(time);
      this.timers.add(entry.timer, key);
    }
  }

  /** Calls `visit` for the rows under `key` with a time in [from, to]; a row is marked joined when `visit` returns true. */
  match(key: StateKey, from: number, to: number, visit: (row: Row) => boolean): boolean {
    const entry = this.byKey.get(key);
    if (!entry) return false;
    const { rows, matched } = entry;
    let any = false;
    for (let i = upperBound(rows, this.timeIndex, from - 1); i < rows.length && (rows[i][this.timeIndex] as number) <= to; i++) {
      if (!visit(rows[i])) continue;
      any = true;
      if (matched) matched[i] = true;
    }
    return any;
  }

  /** Removes every row whose last partner time is at or below the watermark and hands it to `expired`. */
  expire(watermark: number, expired: (row: Row, matched: boolean) => void): void {
    for (let due = this.timers.pollDue(watermark); due; due = this.timers.pollDue(watermark)) {
      for (const key of due.values) {
        const entry = this.byKey.get(key);
        if (!entry || entry.timer !== due.time) continue;
        const { rows, matched } = entry;
        let end = 0;
        while (end < rows.length && this.lastPartner(rows[end][this.timeIndex] as number) <= watermark) {
          expired(rows[end], matched ? matched[end] : true);
          end++;
        }
        rows.splice(0, end);
        matched?.splice(0, end);
        if (rows.length === 0) {
          this.byKey.delete(key);
          continue;
        }
        entry.timer = this.lastPartner(rows[0][this.timeIndex] as number);
        this.timers.add(entry.timer, key);
      }
    }
  }
}

// The index of the first row later than `time`.
function upperBound(rows: Row[], timeIndex: number, time: number): number {
  let low = 0;
  let high = rows.length;
  if (high > 0 && (rows[high - 1][timeIndex] as number) <= time) return high;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((rows[mid][timeIndex] as number) <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}
