import type { ExplainGraph, ExplainOperator } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { layoutExplain, vertexHeight } from './explain-layout';

const op = (id: string, kind: string): ExplainOperator => ({ id, kind, name: kind, description: kind, changelogMode: 'I', state: { scope: 'none', description: 'none', keys: [], ttlMs: null } });

const GRAPH: ExplainGraph = {
  vertices: [
    { id: 'v1', name: 'Source: bid -> Calc', parallelism: 2, operators: [op('1', 'table_source'), op('2', 'calc')] },
    { id: 'v2', name: 'Source: bid', parallelism: 2, operators: [op('3', 'table_source')] },
    { id: 'v3', name: 'IntervalJoin -> Sink: out', parallelism: 2, operators: [op('4', 'interval_join'), op('5', 'calc'), op('6', 'table_sink')] },
  ],
  edges: [
    { source: 'v1', target: 'v3', partitioning: 'hash', keys: ['price'], changelogMode: 'I', targetInput: 0 },
    { source: 'v2', target: 'v3', partitioning: 'hash', keys: ['maxprice'], changelogMode: 'I', targetInput: 1 },
  ],
};

describe('layoutExplain', () => {
  it('lays vertices out left to right, sized by their operators, with each label between its ends', async () => {
    const layout = await layoutExplain(GRAPH);
    const at = new Map(layout.vertices.map((v) => [v.vertex.id, v]));
    const [v1, v2, v3] = ['v1', 'v2', 'v3'].map((id) => at.get(id)!);
    expect(v1!.x).toBe(v2!.x);
    expect(v3!.x).toBeGreaterThan(v1!.x + v1!.width);
    expect(v3!.height).toBe(vertexHeight(3));
    expect(layout.edges.map((e) => e.label.text)).toEqual(['HASH[price] · I · left', 'HASH[maxprice] · I · right']);
    for (const edge of layout.edges) {
      expect(edge.label.x).toBeGreaterThanOrEqual(v1!.x + v1!.width);
      expect(edge.label.x + edge.label.width).toBeLessThanOrEqual(v3!.x);
      expect(edge.points[0]?.x).toBe(v1!.x + v1!.width);
      expect(edge.points.at(-1)?.x).toBe(v3!.x);
    }
    expect(layout.width).toBeGreaterThan(v3!.x + v3!.width);
  });
});
