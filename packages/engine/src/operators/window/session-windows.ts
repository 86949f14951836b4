import type { Row } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import type { TimerHeap } from '../../runtime/timer-heap';
import type { AggsHandler } from '../aggregate/aggs-handler';
import type { WindowEntry } from './window-aggregate';

/** One open session of a key: [start, end) and its accumulator. */
interface Session extends WindowEntry {
  start: number;
  end: number;
}

/**
 * Session windows per key, merged as Flink's MergingWindowSet does: a row opens [ts, ts + gap), and
 * every open session it touches (TimeWindow.intersects: bounds inclusive) merges into one, with the
 * accumulators merged. A timer at end - 1 fires the session; timers left behind by merges find no
 * session ending there and are ignored.
 */
export class SessionWindows {
  constructor(
    private readonly gapMs: number,
    private readonly handler: AggsHandler,
    private readonly sessions: Map<StateKey, Session[]>,
    private readonly keysByTimer: Map<StateKey, StateKey[]>,
    private readonly timers: TimerHeap,
  ) {}

  /** Adds a row; false when it is late (its session would already have fired). */
  add(key: StateKey, keyRow: Row, row: Row, ts: number, watermark: number): boolean {
    let list = this.sessions.get(key);
    let start = ts;
    let end = ts + this.gapMs;
    let merged: Session | undefined;
    if (list) {
      for (let i = list.length - 1; i >= 0; i--) {
        const session = list[i];
        if (session.start > end || session.end < start) continue;
        start = Math.min(start, session.start);
        end = Math.max(end, session.end);
        if (merged) this.handler.merge(merged.acc, session.acc);
        else merged = session;
        list.splice(i, 1);
      }
    }
    if (end - 1 <= watermark) return false;
    if (!list) {
      list = [];
      this.sessions.set(key, list);
    }
    const session: Session = merged ?? { keyRow, acc: this.handler.create(), start, end };
    const timerMoved = session.end !== end || !merged;
    session.start = start;
    session.end = end;
    this.handler.accumulate(session.acc, row);
    list.push(session);
    if (timerMoved) this.schedule(end - 1, key);
    return true;
  }

  /** Emits and removes the sessions whose last millisecond is `timer`. */
  fire(timer: number, emit: (entry: WindowEntry, start: number, end: number) => void): void {
    const keys = this.keysByTimer.get(timer);
    if (!keys) return;
    this.keysByTimer.delete(timer);
    for (const key of keys) {
      const list = this.sessions.get(key);
      if (!list) continue;
      const index = list.findIndex((s) => s.end - 1 === timer);
      if (index < 0) continue;
      const [session] = list.splice(index, 1);
      if (list.length === 0) this.sessions.delete(key);
      emit(session, session.start, session.end);
    }
  }

  private schedule(timer: number, key: StateKey): void {
    const keys = this.keysByTimer.get(timer);
    if (keys) {
      keys.push(key);
      return;
    }
    this.keysByTimer.set(timer, [key]);
    this.timers.push(timer);
  }
}
