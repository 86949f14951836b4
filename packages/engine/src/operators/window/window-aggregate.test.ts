import { describe, expect, it } from 'vitest';
import type { AggregateCall, WindowAggregateConfig, WindowSpec } from '../../plan/logical-plan';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const BIGINT = simple('BIGINT');
const TS = { kind: 'TIMESTAMP', precision: 3, nullable: false } as const;
const count: AggregateCall = { fn: 'COUNT', args: [], argTypes: [], distinct: false, filter: null, type: simple('BIGINT', false), name: 'cnt' };

function windowAggregate(window: WindowSpec, timeAttribute: 'rowtime' | 'proctime' = 'rowtime'): WindowAggregateConfig {
  return {
    keys: [0], aggs: [count], window, timeIndex: 1, timeAttribute, inputNames: ['k', 'ts'],
    fields: [{ name: 'k', type: BIGINT }, { name: 'cnt', type: BIGINT }, { name: 'ws', type: TS }, { name: 'we', type: TS }, { name: 'wt', type: TS }],
  };
}

describe('WindowAggregate', () => {
  it('fires a tumbling window once the watermark reaches its end - 1 and drops late rows', () => {
    const h = new OperatorHarness({ kind: 'window_aggregate', config: windowAggregate({ kind: 'tumble', sizeMs: 10, offsetMs: 0 }) });
    expect(h.push([[1, 3], [2, 12], [1, 7]]).take()).toEqual([]);
    expect(h.watermark(8).take()).toEqual(['WM(8)']);
    expect(h.push([[1, 5]]).watermark(9).take()).toEqual(['+I[1, 3, 0, 10, 9]', 'WM(9)']);
    expect(h.push([[1, 9], [2, 15]]).take()).toEqual([]);
    expect(h.metrics.lateRecordsDropped).toBe(1);
    expect(h.watermark(100).take()).toEqual(['+I[2, 2, 10, 20, 19]', 'WM(100)']);
    // Fired windows leave no state behind.
    expect(h.state.snapshot().entries.filter(([ns]) => ns.endsWith(':windows'))).toEqual([]);
  });

  it('assigns hopping windows and fires them in order of end', () => {
    const h = new OperatorHarness({ kind: 'window_aggregate', config: windowAggregate({ kind: 'hop', sizeMs: 10, slideMs: 5, offsetMs: 0 }) });
    h.push([[1, 7]]);
    expect(h.watermark(20).take()).toEqual(['+I[1, 1, 0, 10, 9]', '+I[1, 1, 5, 15, 14]', 'WM(20)']);
  });

  it('aggregates rows that carry their window into that window alone', () => {
    // Columns 1 and 2 are the window_start and window_end of an upstream hopping window, not a time to assign windows by.
    const config = { ...windowAggregate({ kind: 'hop', sizeMs: 10, slideMs: 5, offsetMs: 0 }), timeIndex: 2, inputNames: ['k', 'ws', 'we'], attached: { startIndex: 1, endIndex: 2 } };
    const h = new OperatorHarness({ kind: 'window_aggregate', config });
    h.push([[1, 0, 10], [1, 5, 15], [1, 0, 10]]);
    expect(h.watermark(20).take()).toEqual(['+I[1, 2, 0, 10, 9]', '+I[1, 1, 5, 15, 14]', 'WM(20)']);
    expect(h.state.snapshot().entries.filter(([ns]) => ns.endsWith(':windows'))).toEqual([]);
  });

  it('merges session windows a row bridges and fires the merged session', () => {
    const h = new OperatorHarness({ kind: 'window_aggregate', config: windowAggregate({ kind: 'session', gapMs: 10 }) });
    h.push([[1, 0], [1, 18], [2, 1]]);
    expect(h.watermark(5).take()).toEqual(['WM(5)']);
    h.push([[1, 9]]);
    expect(h.watermark(26).take()).toEqual(['+I[2, 1, 1, 11, 10]', 'WM(26)']);
    expect(h.watermark(27).take()).toEqual(['+I[1, 3, 0, 28, 27]', 'WM(27)']);
  });

  it('fires processing-time windows by the clock, not by watermarks', () => {
    const h = new OperatorHarness({ kind: 'window_aggregate', config: windowAggregate({ kind: 'tumble', sizeMs: 10, offsetMs: 0 }, 'proctime') });
    h.nowMs = 3;
    h.push([[1, null], [1, null]]);
    expect(h.watermark(1000).take()).toEqual(['WM(1000)']);
    expect(h.processingTime(9).take()).toEqual(['+I[1, 2, 0, 10, 9]']);
  });
});
