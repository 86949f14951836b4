import { describe, expect, it } from 'vitest';
import type { PlanExpr } from '../../plan/plan-expr';
import type { WindowJoinConfig } from '../../plan/window-plan';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const INT = simple('INT');

// Rows are [key, value, window_end] on both sides.
function windowJoin(overrides: Partial<WindowJoinConfig> = {}): WindowJoinConfig {
  return {
    joinType: 'INNER', leftKeys: [0], rightKeys: [0], leftWindowEnd: 2, rightWindowEnd: 2, condition: null, leftWidth: 3,
    fields: ['k', 'a', 'we', 'k0', 'b', 'we0'].map((name) => ({ name, type: INT })),
    ...overrides,
  };
}

function windowState(h: OperatorHarness): unknown[] {
  return h.state.snapshot().entries.filter(([namespace]) => namespace.endsWith(':windows'));
}

describe('WindowJoin', () => {
  it('joins a window once the watermark passes its end, then holds no state for it', () => {
    const h = new OperatorHarness({ kind: 'window_join', config: windowJoin() });
    expect(h.pushInput(0, [[1, 10, 10], [1, 11, 20]]).pushInput(1, [[1, 100, 10], [2, 200, 10]]).take()).toEqual([]);
    expect(h.watermark(8).take()).toEqual(['WM(8)']);
    expect(h.pushInput(1, [[1, 101, 10]]).watermark(9).take()).toEqual(['+I[1, 10, 10, 1, 100, 10]', '+I[1, 10, 10, 1, 101, 10]', 'WM(9)']);
    expect(windowState(h)).toEqual([['window_join:1:windows', 20, { byKey: new Map([[1, [[[1, 11, 20]], []]]]), unmatched: [[], []] }]]);
    // A row of the fired window is late.
    expect(h.pushInput(0, [[1, 12, 10]]).watermark(30).take()).toEqual(['WM(30)']);
    expect(h.metrics.lateRecordsDropped).toBe(1);
    expect(windowState(h)).toEqual([]);
  });

  it('pads the unmatched rows of both sides of a FULL join, NULL keys included, and applies the condition', () => {
    const condition: PlanExpr = { kind: 'call', op: 'gt', args: [{ kind: 'input', index: 4, type: INT }, { kind: 'input', index: 1, type: INT }], type: simple('BOOLEAN') };
    const h = new OperatorHarness({ kind: 'window_join', config: windowJoin({ joinType: 'FULL', condition }) });
    h.pushInput(0, [[1, 10, 10], [1, 50, 10], [null, 7, 10], [3, 30, 10]]).pushInput(1, [[1, 20, 10], [2, 5, 10], [null, 8, 10]]);
    expect(h.watermark(9).take()).toEqual([
      '+I[1, 10, 10, 1, 20, 10]', '+I[1, 50, 10, null, null, null]', '+I[3, 30, 10, null, null, null]',
      '+I[null, null, null, 2, 5, 10]', '+I[null, 7, 10, null, null, null]', '+I[null, null, null, null, 8, 10]', 'WM(9)',
    ]);
    expect(windowState(h)).toEqual([]);
  });

  it('pads only the unmatched right rows of a RIGHT join', () => {
    const h = new OperatorHarness({ kind: 'window_join', config: windowJoin({ joinType: 'RIGHT' }) });
    h.pushInput(0, [[1, 10, 10], [2, 20, 10]]).pushInput(1, [[1, 100, 10], [3, 300, 10], [null, 400, 10]]);
    expect(h.watermark(9).take()).toEqual(['+I[1, 10, 10, 1, 100, 10]', '+I[null, null, null, 3, 300, 10]', '+I[null, null, null, null, 400, 10]', 'WM(9)']);
    expect(windowState(h)).toEqual([]);
  });

  it('emits left rows with a match for SEMI and without one for ANTI', () => {
    const left = [[1, 10, 10], [2, 20, 10], [null, 30, 10]];
    const right = [[1, 100, 10], [1, 101, 10], [2, 200, 20]];
    const semi = new OperatorHarness({ kind: 'window_join', config: windowJoin({ joinType: 'SEMI', fields: windowJoin().fields.slice(0, 3) }) });
    expect(semi.pushInput(0, left).pushInput(1, right).watermark(30).take()).toEqual(['+I[1, 10, 10]', 'WM(30)']);
    const anti = new OperatorHarness({ kind: 'window_join', config: windowJoin({ joinType: 'ANTI', fields: windowJoin().fields.slice(0, 3) }) });
    expect(anti.pushInput(0, left).pushInput(1, right).watermark(30).take()).toEqual(['+I[2, 20, 10]', '+I[null, 30, 10]', 'WM(30)']);
    expect(windowState(anti)).toEqual([]);
  });
});
