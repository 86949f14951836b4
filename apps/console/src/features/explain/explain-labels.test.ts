import type { ExplainEdge, ExplainGraph } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { edgeLabel, partitioningLabel, stateTag, truncate, wrapText } from './explain-labels';

const edge = (over: Partial<ExplainEdge>): ExplainEdge => ({ source: 'v1', target: 'v2', partitioning: 'forward', keys: [], changelogMode: 'I', targetInput: 0, ...over });

describe('explain labels', () => {
  it('names the partitioning with its hash keys, and a hash on no key GLOBAL', () => {
    expect(partitioningLabel(edge({ partitioning: 'hash', keys: ['bidder', 'auction'] }))).toBe('HASH[bidder, auction]');
    expect(partitioningLabel(edge({ partitioning: 'hash' }))).toBe('GLOBAL');
    expect(partitioningLabel(edge({ partitioning: 'rebalance' }))).toBe('REBALANCE');
    expect(partitioningLabel(edge({ partitioning: 'broadcast' }))).toBe('BROADCAST');
  });

  it('adds the changelog mode, and the join side only where the target has two inputs', () => {
    const left = edge({ source: 'v1', target: 'v3', partitioning: 'hash', keys: ['price'] });
    const right = edge({ source: 'v2', target: 'v3', partitioning: 'hash', keys: ['maxprice'], changelogMode: 'I,UB,UA', targetInput: 1 });
    const tail = edge({ source: 'v3', target: 'v4' });
    const graph: ExplainGraph = { vertices: [], edges: [left, right, tail] };
    expect([left, right, tail].map((e) => edgeLabel(e, graph))).toEqual(['HASH[price] · I · left', 'HASH[maxprice] · I,UB,UA · right', 'FORWARD · I']);
  });

  it('tags state by scope and key', () => {
    expect(stateTag({ scope: 'keyed', keys: ['auction'], description: '', ttlMs: null })).toBe('keyed by auction');
    expect(stateTag({ scope: 'keyed', keys: [], description: '', ttlMs: null })).toBe('keyed (one key)');
    expect(stateTag({ scope: 'subtask', keys: [], description: '', ttlMs: null })).toBe('per subtask');
    expect(stateTag({ scope: 'none', keys: [], description: 'none', ttlMs: null })).toBe('stateless');
    expect(truncate('WindowJoin(joinType=[INNER])', 12)).toBe('WindowJoin(…');
  });

  it('wraps state text at spaces into a few lines, ending in an ellipsis when it does not fit', () => {
    expect(wrapText('the top 3 rows per partition key [auction]', 20, 2)).toEqual(['the top 3 rows per', 'partition key [auct…']);
    expect(wrapText('the top 3 rows per partition key [auction]', 20, 3)).toEqual(['the top 3 rows per', 'partition key', '[auction]']);
    expect(wrapText('short', 20, 2)).toEqual(['short']);
  });
});
