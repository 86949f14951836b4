import { describe, expect, it } from 'vitest';
import type { IntervalJoinConfig } from '../../plan/logical-plan';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const INT = simple('INT');

// Left (k, t) joins right (k, t) when -2 <= left t - right t <= 3.
const config: IntervalJoinConfig = {
  leftKeys: [0], rightKeys: [0], leftTime: 1, rightTime: 1, lowerMs: -2, upperMs: 3, condition: null, leftWidth: 2,
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
});
