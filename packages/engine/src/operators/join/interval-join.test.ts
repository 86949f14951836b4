import { describe, expect, it } from 'vitest';
import type { IntervalJoinConfig } from '../../plan/logical-plan';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const INT = simple('INT');

// Left (k, t) joins right (k, t) when -2 <= left t - right t <= 3.
const config: IntervalJoinConfig = {
  joinType: 'INNER', leftKeys: [0], rightKeys: [0], leftTime: 1, rightTime: 1, lowerMs: -2, upperMs: 3, condition: null, leftWidth: 2,
  fields: [{ name: 'k', type: INT }, { name: 'lt', type: INT }, { name: 'k0', type: INT }, { name: 'rt', type: INT }],
};

describe('IntervalJoin', () => {
  it('joins within the bounds, edges included, whichever side arrives second', () => {
    const h = new OperatorHarness({ kind: 'interval_join', config });
    expect(h.pushInput(0, [[1, 10]]).take()).toEqual([]);
    expect(h.pushInput(1, [[1, 7], [1, 6], [1, 12], [1, 13], [2, 10]]).take()).toEqual(['+I[1, 10, 1, 7]', '+I[1, 10, 1, 12]']);
    expect(h.pushInput(0, [[1, 15]]).take()).toEqual(['+I[1, 15, 1, 12]', '+I[1, 15, 1, 13]']);
  });

  it('drops rows once the watermark passes their last possible partner and delays the watermark by the larger bound', () => {
    const h = new OperatorHarness({ kind: 'interval_join', config });
    h.pushInput(0, [[1, 10]]).pushInput(1, [[1, 20]]);
    // The left row at 10 can meet right rows up to 12; at watermark 12 it is gone, the right row (until 23) stays.
    expect(h.watermark(12).take()).toEqual(['WM(9)']);
    expect(h.pushInput(1, [[1, 9]]).take()).toEqual([]);
    expect(h.pushInput(0, [[1, 21]]).take()).toEqual(['+I[1, 21, 1, 20]']);
    expect(h.watermark(23).pushInput(0, [[1, 22]]).take()).toEqual(['WM(20)']);
    expect(h.state.namespace('interval_join:1:right').size).toBe(0);
  });

  it('pads unmatched rows of the outer sides when the watermark expires them, and leaves no state behind', () => {
    const h = new OperatorHarness({ kind: 'interval_join', config: { ...config, joinType: 'FULL' } });
    // Left 10 meets right 7..12; right 20 meets left 18..23.
    h.pushInput(0, [[1, 10], [2, 10], [1, 30]]).pushInput(1, [[1, 12], [1, 20], [3, 5]]);
    expect(h.take()).toEqual(['+I[1, 10, 1, 12]']);
    // At 12 the left rows at 10 expire (one matched); right 5 expired at 8; right 12 lives until 15.
    expect(h.watermark(12).take()).toEqual(['+I[2, 10, null, null]', '+I[null, null, 3, 5]', 'WM(9)']);
    expect(h.watermark(23).take()).toEqual(['+I[null, null, 1, 20]', 'WM(20)']);
    // A row past its last partner on arrival joins what is stored, else is padded at once.
    expect(h.pushInput(1, [[1, 28], [1, 9]]).take()).toEqual(['+I[1, 30, 1, 28]', '+I[null, null, 1, 9]']);
    expect(h.pushInput(0, [[null, 40]]).take()).toEqual(['+I[null, 40, null, null]']);
    expect(h.watermark(40).take()).toEqual(['WM(37)']);
    const held = h.state.snapshot().entries.filter(([ns, , value]) => !ns.endsWith(':watermark') && (!Array.isArray(value) || value.length > 0));
    expect(held).toEqual([]);
  });

  it('LEFT pads only left rows, RIGHT only right rows', () => {
    const left = new OperatorHarness({ kind: 'interval_join', config: { ...config, joinType: 'LEFT' } });
    expect(left.pushInput(0, [[1, 10]]).pushInput(1, [[2, 10]]).watermark(100).take()).toEqual(['+I[1, 10, null, null]', 'WM(97)']);
    const right = new OperatorHarness({ kind: 'interval_join', config: { ...config, joinType: 'RIGHT' } });
    expect(right.pushInput(0, [[1, 10]]).pushInput(1, [[2, 10]]).watermark(100).take()).toEqual(['+I[null, null, 2, 10]', 'WM(97)']);
  });

  it('keeps state flat on a long stream: what the watermark expires leaves, whatever the key', () => {
    const h = new OperatorHarness({ kind: 'interval_join', config: { ...config, joinType: 'LEFT' } });
    const heldRows = (): number => {
      let count = 0;
      for (const side of ['left', 'right']) for (const entry of h.state.namespace<{ rows: unknown[] }>(`interval_join:1:${side}`).values()) count += entry.rows.length;
      return count;
    };
    let most = 0;
    for (let t = 0; t < 20_000; t += 10) {
      // Ten new keys every 10 ms, each matched once; only rows of the last few milliseconds can still join.
      h.pushInput(0, Array.from({ length: 10 }, (_, i) => [t + i, t]));
      h.pushInput(1, Array.from({ length: 10 }, (_, i) => [t + i, t + 1]));
      h.watermark(t);
      most = Math.max(most, heldRows());
    }
    expect(h.take().filter((line) => line.startsWith('+I')).length).toBe(20_000);
    expect(most).toBe(20);
    expect(h.state.namespace('interval_join:1:left:timers').size).toBeLessThanOrEqual(1);
  });
});
