import { describe, expect, it } from 'vitest';
import type { TemporalJoinConfig } from '../../plan/temporal-join-plan';
import { simple, varchar } from '../../sql/data-type';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE } from '../../runtime/row';
import { OperatorHarness } from '../operator-test-harness';

const INT = simple('INT');
const STRING = varchar();

// Left (k, t) joins the version of right (k, v, t) valid at left t.
const config = (joinType: 'INNER' | 'LEFT'): TemporalJoinConfig => ({
  joinType, leftKeys: [0], rightKeys: [0], leftTime: 1, rightTime: 2, condition: null, leftWidth: 2, leftHasUpdates: false,
  fields: [{ name: 'k', type: STRING }, { name: 't', type: INT }, { name: 'k0', type: STRING }, { name: 'v', type: INT }, { name: 'rt', type: INT }],
});

describe('TemporalJoin', () => {
  it('holds left rows until the watermark, then joins the version valid at their time or drops them (INNER)', () => {
    const h = new OperatorHarness({ kind: 'temporal_join', config: config('INNER') });
    h.pushInput(1, [['a', 1, 10]]).pushInput(0, [['a', 12], ['a', 9], ['b', 11], ['a', 11]]);
    expect(h.watermark(8).take()).toEqual(['WM(8)']);
    // A later change at the same instant replaces the version; a version may arrive after the left row.
    h.pushInput(1, [['a', 2, 10], ['a', 3, 12]]);
    expect(h.watermark(12).take()).toEqual(['+I[a, 11, a, 2, 10]', '+I[a, 12, a, 3, 12]', 'WM(12)']);
  });

  it('reads +I/+U as versions and -D as the end of one, skips -U, and leaves no state once everything expired', () => {
    const h = new OperatorHarness({ kind: 'temporal_join', config: config('LEFT') });
    h.pushInput(1, [['a', 1, 10]], [INSERT]);
    h.pushInput(0, [['a', 15], ['a', 25], ['a', 35], ['b', 12], ['a', 5]]);
    h.pushInput(1, [['a', 1, 10], ['a', 2, 20], ['a', 2, 30]], [UPDATE_BEFORE, UPDATE_AFTER, DELETE]);
    expect(h.watermark(24).take()).toEqual(['+I[a, 5, null, null, null]', '+I[b, 12, null, null, null]', '+I[a, 15, a, 1, 10]', 'WM(24)']);
    // Watermark 24 pruned the version of 10: a late left row before 20 finds nothing now.
    h.pushInput(0, [['a', 16]]);
    expect(h.watermark(40).take()).toEqual(['+I[a, 16, null, null, null]', '+I[a, 25, a, 2, 20]', '+I[a, 35, null, null, null]', 'WM(40)']);
    const held = h.state.snapshot().entries.filter(([, , value]) => !Array.isArray(value) || value.length > 0);
    expect(held).toEqual([]);
  });

  it('gives joined rows the kind of their left row when the left input carries updates', () => {
    const h = new OperatorHarness({ kind: 'temporal_join', config: { ...config('LEFT'), leftHasUpdates: true } });
    h.pushInput(1, [['a', 1, 10]]).pushInput(0, [['a', 15], ['b', 15], ['a', 15]], [INSERT, INSERT, DELETE]);
    expect(h.watermark(20).take()).toEqual(['+I[a, 15, a, 1, 10]', '+I[b, 15, null, null, null]', '-D[a, 15, a, 1, 10]', 'WM(20)']);
  });
});
