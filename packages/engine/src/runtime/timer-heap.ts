import type { StateKey } from './state-backend';

/**
 * A min-heap of timer timestamps (Flink's InternalTimerService queue) kept as a plain array so it
 * lives in the state backend. Duplicates are allowed; owners check on firing whether a timer is
 * still wanted (session windows move their end when they merge).
 */
export class TimerHeap {
  /** The heap is entry `key` of `state`, fetched on every use: a reference kept across batches would bypass checkpoint copy-on-write. */
  constructor(
    private readonly state: Map<StateKey, number[]>,
    private readonly key: StateKey = 0,
  ) {
    if (!state.has(key)) state.set(key, []);
  }

  private get heap(): number[] {
    return this.state.get(this.key) as number[];
  }

  get size(): number {
    return this.heap.length;
  }

  /** The earliest timestamp, or +Infinity when empty. */
  peek(): number {
    const heap = this.heap;
    return heap.length === 0 ? Number.POSITIVE_INFINITY : heap[0];
  }

  push(time: number): void {
    const heap = this.heap;
    let i = heap.push(time) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= time) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = time;
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as number;
    if (heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right] < heap[left] ? right : left;
      if (heap[child] >= last) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
