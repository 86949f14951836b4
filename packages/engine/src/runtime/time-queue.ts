import type { StateBackend, StateKey } from './state-backend';
import { TimerHeap } from './timer-heap';

/**
 * Values filed under event times and taken out in time order once the watermark reaches them,
 * as Flink's event-time timers carry a key: one heap entry per distinct time, the values of a
 * time in arrival order. Both live in the state backend, so work and memory at a watermark are
 * proportional to what comes due, not to everything held.
 */
export class TimeQueue<V> {
  private readonly byTime: Map<StateKey, V[]>;
  private readonly heap: TimerHeap;

  constructor(state: StateBackend, namespace: string) {
    this.byTime = state.namespace(namespace);
    const heapState = state.namespace<number[]>(`${namespace}:heap`);
    this.heap = new TimerHeap(heapState);
  }

  /** Files `value` under `time`. */
  add(time: number, value: V): void {
    const values = this.byTime.get(time);
    if (values) {
      values.push(value);
      return;
    }
    this.byTime.set(time, [value]);
    this.heap.push(time);
  }

  /** The values of the earliest time at or below `watermark`, removed from the queue; undefined when none is due. */
  pollDue(watermark: number): { time: number; values: V[] } | undefined {
    if (this.heap.peek() > watermark) return undefined;
    const time = this.heap.pop();
    const values = this.byTime.get(time) as V[];
    this.byTime.delete(time);
    return { time, values };
  }

  /** How many distinct times are waiting. */
  get size(): number {
    return this.heap.size;
  }
}
