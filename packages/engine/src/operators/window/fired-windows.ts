import type { StateBackend, StateKey } from '../../runtime/state-backend';
import { StateValue } from '../../runtime/state-value';
import { TimerHeap } from '../../runtime/timer-heap';

/**
 * The per-window state of an operator that consumes windowed rows (window join, Top-N,
 * deduplication), keyed by window end, with one event-time timer per window: a window fires once
 * the watermark reaches end - 1 and its state is removed then. Rows of a window that already fired
 * are late.
 */
export class FiredWindows<V> {
  private readonly windows: Map<StateKey, V>;
  private readonly timers: TimerHeap;
  private readonly watermark: StateValue<number>;

  /** `create` makes the empty state of a window when its first row arrives. */
  constructor(
    state: StateBackend,
    prefix: string,
    private readonly create: () => V,
  ) {
    this.windows = state.namespace<V>(`${prefix}:windows`);
    const timerState = state.namespace<number[]>(`${prefix}:timers`);
    this.timers = new TimerHeap(timerState);
    this.watermark = new StateValue(state, `${prefix}:watermark`, Number.NEGATIVE_INFINITY);
  }

  /**
   * The state of the window ending at `end`, started (and its firing scheduled) by its first row;
   * undefined when the window already fired, so a row of it is late.
   */
  stateOf(end: number): V | undefined {
    if (end - 1 <= this.watermark.get()) return undefined;
    let value = this.windows.get(end);
    if (value === undefined) {
      value = this.create();
      this.windows.set(end, value);
      this.timers.push(end - 1);
    }
    return value;
  }

  /** Advances event time: hands every window whose end - 1 is at or before `watermark` to `fire`, in order of end, and drops its state. */
  advance(watermark: number, fire: (end: number, value: V) => void): void {
    if (watermark > this.watermark.get()) this.watermark.set(watermark);
    while (this.timers.size > 0 && this.timers.peek() <= watermark) {
      const end = this.timers.pop() + 1;
      const value = this.windows.get(end) as V;
      this.windows.delete(end);
      fire(end, value);
    }
  }
}
