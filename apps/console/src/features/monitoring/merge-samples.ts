import type { MetricSample } from '@weir/contracts';

/** Ten minutes at the worker's one sample a second. */
export const MAX_SAMPLES = 600;

/**
 * History and live samples overlap (the stream can deliver a sample the history fetch also
 * returns); one sample per run and timestamp, oldest first, the newest MAX_SAMPLES kept.
 */
export function mergeSamples(current: MetricSample[], incoming: MetricSample[]): MetricSample[] {
  const byKey = new Map(current.map((s) => [`${s.runId}:${s.ts}`, s]));
  for (const sample of incoming) byKey.set(`${sample.runId}:${sample.ts}`, sample);
  return [...byKey.values()].sort((a, b) => a.ts - b.ts).slice(-MAX_SAMPLES);
}
