import { describe, expect, it } from 'vitest';
import type { JoinConfig } from '../../plan/logical-plan';
import type { PlanExpr } from '../../plan/plan-expr';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const INT = simple('INT');

function join(overrides: Partial<JoinConfig> = {}): JoinConfig {
  return {
    joinType: 'INNER', leftKeys: [0], rightKeys: [0], condition: null, leftWidth: 2, leftHasUpdates: false, rightHasUpdates: false,
    fields: [{ name: 'k', type: INT }, { name: 'a', type: INT }, { name: 'k0', type: INT }, { name: 'b', type: INT }],
    ...overrides,
  };
}

describe('Join', () => {
  it('joins each arriving row with the stored rows of the other side, in either order', () => {
    const h = new OperatorHarness({ kind: 'join', config: join() });
    expect(h.pushInput(0, [[1, 10], [2, 20]]).take()).toEqual([]);
    expect(h.pushInput(1, [[1, 100], [3, 300]]).take()).toEqual(['+I[1, 10, 1, 100]']);
    expect(h.pushInput(0, [[1, 11], [null, 5]]).take()).toEqual(['+I[1, 11, 1, 100]']);
  });

  it('emits -D for retracted rows and applies the non-equi condition', () => {
    const condition: PlanExpr = { kind: 'call', op: 'gt', args: [{ kind: 'input', index: 3, type: INT }, { kind: 'input', index: 1, type: INT }], type: simple('BOOLEAN') };
    const h = new OperatorHarness({ kind: 'join', config: join({ rightHasUpdates: true, condition }) });
    h.pushInput(0, [[1, 10], [1, 50]]);
    expect(h.pushInput(1, [[1, 20]], [0]).take()).toEqual(['+I[1, 10, 1, 20]']);
    expect(h.pushInput(1, [[1, 20], [1, 60]], [1, 2]).take()).toEqual(['-D[1, 10, 1, 20]', '+I[1, 10, 1, 60]', '+I[1, 50, 1, 60]']);
    // Retracting a row that is not there changes nothing.
    expect(h.pushInput(1, [[1, 99]], [3]).take()).toEqual([]);
  });

  it('pads unmatched outer rows and re-emits them padded when their last match is retracted', () => {
    const h = new OperatorHarness({ kind: 'join', config: join({ joinType: 'LEFT', leftHasUpdates: true, rightHasUpdates: true }) });
    expect(h.pushInput(0, [[1, 10], [null, 7]]).take()).toEqual(['+I[1, 10, null, null]', '+I[null, 7, null, null]']);
    expect(h.pushInput(1, [[1, 100], [1, 200]], [0, 0]).take()).toEqual(['-D[1, 10, null, null]', '+I[1, 10, 1, 100]', '+I[1, 10, 1, 200]']);
    expect(h.pushInput(1, [[1, 100]], [3]).take()).toEqual(['-D[1, 10, 1, 100]']);
    expect(h.pushInput(1, [[1, 200]], [3]).take()).toEqual(['-D[1, 10, 1, 200]', '+I[1, 10, null, null]']);
    expect(h.pushInput(0, [[1, 10]], [3]).take()).toEqual(['-D[1, 10, null, null]']);
  });
});
