import type { MetricSample } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { MAX_SAMPLES, mergeSamples } from './merge-samples';

const sample = (ts: number, runId = 'r1', out = 1): MetricSample => ({
  deploymentId: 'd1',
  runId,
  ts,
  vertices: [{ vertexId: 'v', operatorId: 'o', name: 'src', recordsIn: 0, recordsOut: out, recordsInPerSecond: 0, recordsOutPerSecond: out }],
});

describe('mergeSamples', () => {
  it('orders by time and keeps one sample per run and timestamp, the later copy winning', () => {
    const merged = mergeSamples([sample(3), sample(1)], [sample(2), sample(3, 'r1', 9)]);
    expect(merged.map((s) => s.ts)).toEqual([1, 2, 3]);
    expect(merged[2].vertices[0].recordsOut).toBe(9);
  });

  it('keeps samples of different runs at the same timestamp', () => {
    expect(mergeSamples([sample(1, 'r1')], [sample(1, 'r2')])).toHaveLength(2);
  });

  it('drops the oldest beyond the window', () => {
    const many = Array.from({ length: MAX_SAMPLES + 5 }, (_, i) => sample(i));
    const merged = mergeSamples([], many);
    expect(merged).toHaveLength(MAX_SAMPLES);
    expect(merged[0].ts).toBe(5);
  });
});
