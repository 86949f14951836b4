import type { WindowSpec } from '../../plan/logical-plan';

/** Start of the window of `size` (shifted by `offset`) that holds `ts`, as Flink's TimeWindow.getWindowStartWithOffset. */
export function windowStart(ts: number, offsetMs: number, sizeMs: number): number {
  const remainder = (ts - offsetMs) % sizeMs;
  return remainder < 0 ? ts - (remainder + sizeMs) : ts - remainder;
}

/**
 * Writes the windows of a tumbling, hopping or cumulating spec that hold `ts` into `out` as
 * start, end pairs in ascending order of end, and returns how many there are. `out` is reused
 * across rows so assigning windows allocates nothing.
 */
export function assignWindows(spec: Exclude<WindowSpec, { kind: 'session' }>, ts: number, out: number[]): number {
  let count = 0;
  switch (spec.kind) {
    case 'tumble': {
      const start = windowStart(ts, spec.offsetMs, spec.sizeMs);
      out[0] = start;
      out[1] = start + spec.sizeMs;
      return 1;
    }
    case 'hop': {
      const last = windowStart(ts, spec.offsetMs, spec.slideMs);
      let first = last;
      while (first - spec.slideMs > ts - spec.sizeMs) first -= spec.slideMs;
      for (let start = first; start <= last; start += spec.slideMs) {
        out[2 * count] = start;
        out[2 * count + 1] = start + spec.sizeMs;
        count++;
      }
      return count;
    }
    case 'cumulate': {
      const start = windowStart(ts, spec.offsetMs, spec.maxSizeMs);
      for (let end = windowStart(ts, spec.offsetMs, spec.stepMs) + spec.stepMs; end <= start + spec.maxSizeMs; end += spec.stepMs) {
        out[2 * count] = start;
        out[2 * count + 1] = end;
        count++;
      }
      return count;
    }
  }
}
