import { describe, expect, it } from 'vitest';
import { MetricsSampler } from './metrics-sampler';

describe('MetricsSampler', () => {
  it('reports zero rates on the first sample and per-second rates after', () => {
    const sampler = new MetricsSampler('d1', 'r1');
    const first = sampler.sample([{ vertexId: 'v1', operatorId: 'o1', name: 'Source: gen', recordsIn: 0, recordsOut: 1000, busyTimeMs: 10 }], 10_000);
    expect(first.vertices[0]).toMatchObject({ recordsOut: 1000, recordsOutPerSecond: 0 });
    const second = sampler.sample([{ vertexId: 'v1', operatorId: 'o1', name: 'Source: gen', recordsIn: 0, recordsOut: 3000, busyTimeMs: 30 }], 12_000);
    expect(second).toMatchObject({ deploymentId: 'd1', runId: 'r1', ts: 12_000 });
    expect(second.vertices[0]).toMatchObject({ recordsOut: 3000, recordsOutPerSecond: 1000, recordsInPerSecond: 0 });
  });
});
