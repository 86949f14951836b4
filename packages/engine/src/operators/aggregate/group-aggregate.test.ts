import { describe, expect, it } from 'vitest';
import type { AggregateCall, GroupAggregateConfig } from '../../plan/logical-plan';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const BIGINT = simple('BIGINT');
const count: AggregateCall = { fn: 'COUNT', args: [], argTypes: [], distinct: false, filter: null, type: simple('BIGINT', false), name: 'cnt' };
const max: AggregateCall = { fn: 'MAX', args: [1], argTypes: [BIGINT], distinct: false, filter: null, type: BIGINT, name: 'mx' };

function groupAggregate(overrides: Partial<GroupAggregateConfig> = {}): GroupAggregateConfig {
  return {
    keys: [0], aggs: [count, max], inputHasUpdates: false, generateUpdateBefore: true, inputNames: ['k', 'v'],
    fields: [{ name: 'k', type: BIGINT }, { name: 'cnt', type: BIGINT }, { name: 'mx', type: BIGINT }],
    ...overrides,
  };
}

describe('GroupAggregate', () => {
  it('emits +I first, then -U/+U per change, nothing when the result is unchanged', () => {
    const h = new OperatorHarness({ kind: 'group_aggregate', config: groupAggregate({ aggs: [max] , fields: [{ name: 'k', type: BIGINT }, { name: 'mx', type: BIGINT }] }) });
    expect(h.push([[1, 10]]).take()).toEqual(['+I[1, 10]']);
    expect(h.push([[1, 5]]).take()).toEqual([]);
    expect(h.push([[1, 20], [2, 1]]).take()).toEqual(['-U[1, 10]', '+U[1, 20]', '+I[2, 1]']);
  });

  it('omits -U for upsert consumers', () => {
    const h = new OperatorHarness({ kind: 'group_aggregate', config: groupAggregate({ generateUpdateBefore: false }) });
    expect(h.push([[1, 10], [1, 30]]).take()).toEqual(['+I[1, 1, 10]', '+U[1, 2, 30]']);
  });

  it('retracts input rows, recomputes MAX from value counts and deletes an emptied group', () => {
    const h = new OperatorHarness({ kind: 'group_aggregate', config: groupAggregate({ inputHasUpdates: true }) });
    expect(h.push([[1, 10], [1, 30]], [0, 0]).take()).toEqual(['+I[1, 1, 10]', '-U[1, 1, 10]', '+U[1, 2, 30]']);
    expect(h.push([[1, 30]], [1]).take()).toEqual(['-U[1, 2, 30]', '+U[1, 1, 10]']);
    expect(h.push([[1, 10]], [3]).take()).toEqual(['-D[1, 1, 10]']);
    // A retraction for a group that does not exist creates nothing.
    expect(h.push([[2, 5]], [1]).take()).toEqual([]);
    expect(h.state.snapshot().entries).toEqual([]);
  });

  it('folds a mini-batch per key before emitting, flushing on watermarks', () => {
    const h = new OperatorHarness({ kind: 'group_aggregate', config: groupAggregate() }, {
      'table.exec.mini-batch.enabled': 'true', 'table.exec.mini-batch.allow-latency': '1 h', 'table.exec.mini-batch.size': '1000',
    });
    expect(h.push([[1, 10], [2, 7], [1, 30]]).take()).toEqual([]);
    expect(h.watermark(5).take()).toEqual(['+I[1, 2, 30]', '+I[2, 1, 7]', 'WM(5)']);
    expect(h.push([[1, 1]]).finish().take()).toEqual(['-U[1, 2, 30]', '+U[1, 3, 30]']);
  });

  it('restores its accumulators from a snapshot', () => {
    const h = new OperatorHarness({ kind: 'group_aggregate', config: groupAggregate() });
    h.push([[1, 10]]).take();
    const snapshot = h.state.snapshot();
    h.push([[1, 50]]).take();
    h.state.restore(snapshot);
    expect(h.push([[1, 20]]).take()).toEqual(['-U[1, 1, 10]', '+U[1, 2, 20]']);
  });
});
