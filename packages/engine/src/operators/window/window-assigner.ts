import type { WindowSpec } from '../../plan/logical-plan';

/** Start of the window of `size` (shifted by `offset`) that holds `ts`, as Flink's TimeWindow.getWindowStartWithOffset. */
export function windowStart(ts: number, offsetMs: number, sizeMs: number): number {
  const remainder = (ts - offsetMs) % sizeMs;
  return remainder < 0 ? ts - (remainder + sizeMs) : ts - remainder;
}

/**
 * Calls `each(start, end)` for every window of a tumbling, hopping or cumulating spec that holds
 * `ts`, in ascending order of end.
 */
export function assignWindows(spec: Exclude<WindowSpec, { kind: 'session' }>, ts: number, each: (start: number, end: number) => void): void {
  switch (spec.kind) {
    case 'tumble': {
      const start = windowStart(ts, spec.offsetMs, spec.sizeMs);
      each(start, start + spec.sizeMs);
      return;
    }
    case 'hop': {
      const last = windowStart(ts, spec.offsetMs, spec.slideMs);
      let first = last;
      while (first - spec.slideMs > ts - spec.sizeMs) first -= spec.slideMs;
      for (let start = first; start <= last; start += spec.slideMs) each(start, start + spec.sizeMs);
      return;
    }
    case 'cumulate': {
      const start = windowStart(ts, spec.offsetMs, spec.maxSizeMs);
      for (let end = windowStart(ts, spec.offsetMs, spec.stepMs) + spec.stepMs; end <= start + spec.maxSizeMs; end += spec.stepMs) each(start, end);
    }
  }
}
