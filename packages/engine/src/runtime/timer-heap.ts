/**
 * A min-heap of timer timestamps (Flink's InternalTimerService queue) kept as a plain array so it
 * lives in the state backend. Duplicates are allowed; owners check on firing whether a timer is
 * still wanted (session windows move their end when they merge).
 */
export class TimerHeap {
  constructor(private readonly heap: number[]) {}

  get size(): number {
    return this.heap.length;
  }

  /** The earliest timestamp, or +Infinity when empty. */
  peek(): number {
    return this.heap.length === 0 ? Number.POSITIVE_INFINITY : this.heap[0];
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
