import { describe, expect, it } from 'vitest';
import type { AggregateCall } from '../../plan/logical-plan';
import type { OverAggregateConfig, OverFrame } from '../../plan/over-plan';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const BIGINT = simple('BIGINT');
const TS = { kind: 'TIMESTAMP', precision: 3, nullable: false } as const;

function agg(fn: string, args: number[]): AggregateCall {
  return { fn, args, argTypes: args.map(() => BIGINT), distinct: false, filter: null, type: fn === 'COUNT' ? simple('BIGINT', false) : BIGINT, name: fn.toLowerCase() };
}

/** Input [k, ts, v]; output [k, ts, v, SUM(v), MIN(v), MAX(v), COUNT(*)]. */
function over(frame: OverFrame, timeAttribute: 'rowtime' | 'proctime' = 'rowtime'): OverAggregateConfig {
  const aggs = [agg('SUM', [2]), agg('MIN', [2]), agg('MAX', [2]), agg('COUNT', [])];
  return {
    keys: [0], timeIndex: 1, timeAttribute, frame, aggs, inputNames: ['k', 'ts', 'v'],
    fields: [{ name: 'k', type: BIGINT }, { name: 'ts', type: TS, time: timeAttribute }, { name: 'v', type: BIGINT }, ...aggs.map((a) => ({ name: a.name, type: a.type }))],
  };
}

function liveState(h: OperatorHarness): string[] {
  return h.state.snapshot().entries.filter(([ns]) => ns.endsWith(':partitions') || ns.endsWith(':due')).map(([ns, key]) => `${ns}/${String(key)}`);
}

describe('OverAggregate', () => {
  it('emits event-time RANGE rows when the watermark passes them, peers together, and leaves no state once every row expired', () => {
    const h = new OperatorHarness({ kind: 'over_aggregate', config: over({ unit: 'RANGE', preceding: 10 }) });
    expect(h.push([[1, 5, 50], [1, 3, 30], [2, 4, 7], [1, 5, 10]]).take()).toEqual([]);
    expect(h.watermark(4).take()).toEqual(['+I[1, 3, 30, 30, 30, 30, 1]', '+I[2, 4, 7, 7, 7, 7, 1]', 'WM(4)']);
    // The two rows at 5 are peers: both see each other.
    expect(h.watermark(5).take()).toEqual(['+I[1, 5, 50, 90, 10, 50, 3]', '+I[1, 5, 10, 90, 10, 50, 3]', 'WM(5)']);
    // 4 is behind the watermark: late, dropped and counted.
    expect(h.push([[1, 4, 99], [1, 14, 1]]).watermark(14).take()).toEqual(['+I[1, 14, 1, 61, 1, 50, 3]', 'WM(14)']);
    expect(h.metrics.lateRecordsDropped).toBe(1);
    // At 16 the frame [6, 16] no longer holds the rows at 5: MIN and MAX retract them.
    expect(h.push([[1, 16, 2]]).watermark(16).take()).toEqual(['+I[1, 16, 2, 3, 1, 2, 2]', 'WM(16)']);
    expect(liveState(h)).toEqual(['over_aggregate:1:partitions/1', 'over_aggregate:1:due/24']);
    // Once the watermark is 10 past a partition's last row, nothing later can see it.
    expect(h.watermark(26).take()).toEqual(['WM(26)']);
    expect(liveState(h)).toEqual([]);
    expect(h.push([[1, 30, 4]]).watermark(30).take()).toEqual(['+I[1, 30, 4, 4, 4, 4, 1]', 'WM(30)']);
    expect(h.watermark(40).take()).toEqual(['WM(40)']);
    expect(liveState(h)).toEqual([]);
  });

  it('gives each event-time ROWS row the N preceding rows in time order, arrival order among equal times', () => {
    const h = new OperatorHarness({ kind: 'over_aggregate', config: over({ unit: 'ROWS', preceding: 1 }) });
    h.push([[1, 2, 20], [1, 1, 10], [1, 2, 5]]);
    expect(h.watermark(2).take()).toEqual(['+I[1, 1, 10, 10, 10, 10, 1]', '+I[1, 2, 20, 30, 10, 20, 2]', '+I[1, 2, 5, 25, 5, 20, 2]', 'WM(2)']);
    expect(h.push([[1, 9, 1]]).watermark(9).take()).toEqual(['+I[1, 9, 1, 6, 1, 5, 2]', 'WM(9)']);
  });

  it('accumulates unbounded frames without keeping rows', () => {
    const h = new OperatorHarness({ kind: 'over_aggregate', config: over({ unit: 'RANGE', preceding: null }) });
    h.push([[1, 1, 3], [1, 1, 4], [1, 2, 1]]);
    expect(h.watermark(10).take()).toEqual(['+I[1, 1, 3, 7, 3, 4, 2]', '+I[1, 1, 4, 7, 3, 4, 2]', '+I[1, 2, 1, 8, 1, 4, 3]', 'WM(10)']);
    const [partition] = h.state.snapshot().entries.filter(([ns]) => ns.endsWith(':partitions')).map(([, , value]) => value as { frameRows: unknown[]; pendingRows: unknown[] });
    expect([partition.frameRows, partition.pendingRows]).toEqual([[], []]);
  });

  it('emits processing-time ROWS rows on arrival', () => {
    const h = new OperatorHarness({ kind: 'over_aggregate', config: over({ unit: 'ROWS', preceding: 2 }, 'proctime') });
    h.nowMs = 100;
    expect(h.push([[1, null, 1], [1, null, 2], [2, null, 5], [1, null, 3], [1, null, 4]]).take()).toEqual([
      '+I[1, null, 1, 1, 1, 1, 1]', '+I[1, null, 2, 3, 1, 2, 2]', '+I[2, null, 5, 5, 5, 5, 1]', '+I[1, null, 3, 6, 1, 3, 3]', '+I[1, null, 4, 9, 2, 4, 3]',
    ]);
  });

  it('holds processing-time RANGE rows until their millisecond has passed, so rows of one millisecond are peers', () => {
    const h = new OperatorHarness({ kind: 'over_aggregate', config: over({ unit: 'RANGE', preceding: 10 }, 'proctime') });
    h.nowMs = 100;
    h.push([[1, null, 1]]).push([[1, null, 2]]);
    expect(h.processingTime(100).take()).toEqual([]);
    expect(h.processingTime(101).take()).toEqual(['+I[1, null, 1, 3, 1, 2, 2]', '+I[1, null, 2, 3, 1, 2, 2]']);
    h.nowMs = 110;
    h.push([[1, null, 4]]);
    expect(h.processingTime(111).take()).toEqual(['+I[1, null, 4, 7, 1, 4, 3]']);
    h.nowMs = 111;
    h.push([[1, null, 8]]);
    // [101, 111] no longer reaches the rows at 100.
    expect(h.processingTime(112).take()).toEqual(['+I[1, null, 8, 12, 4, 8, 2]']);
    expect(h.processingTime(122).take()).toEqual([]);
    expect(liveState(h)).toEqual([]);
    // A millisecond still open at end of input is complete: its rows are emitted.
    h.nowMs = 200;
    expect(h.push([[1, null, 9]]).finish().take()).toEqual(['+I[1, null, 9, 9, 9, 9, 1]']);
  });
});
