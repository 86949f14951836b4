import { describe, expect, it } from 'vitest';
import type { WindowDeduplicateConfig, WindowRankConfig } from '../../plan/window-plan';
import { simple } from '../../sql/data-type';
import { OperatorHarness } from '../operator-test-harness';

const BIGINT = simple('BIGINT');
// Rows are [key, value, window_end].
const fields = ['k', 'v', 'we'].map((name) => ({ name, type: BIGINT }));

function windowRank(overrides: Partial<WindowRankConfig> = {}): WindowRankConfig {
  return {
    rankType: 'ROW_NUMBER', keys: [0], sortKeys: [{ index: 1, descending: true, nullsFirst: false }], rankEnd: 2,
    outputRankNumber: true, windowEnd: 2, fields: [...fields, { name: 'rn', type: BIGINT }], ...overrides,
  };
}

function windowState(h: OperatorHarness): unknown[] {
  return h.state.snapshot().entries.filter(([namespace]) => namespace.endsWith(':windows'));
}

describe('WindowRank', () => {
  it('keeps only the top N per window and key and emits it once the window fires', () => {
    const h = new OperatorHarness({ kind: 'window_rank', config: windowRank() });
    expect(h.push([[1, 10, 10], [1, 30, 10], [1, 20, 10], [2, 5, 10], [1, 99, 20]]).take()).toEqual([]);
    expect(windowState(h)).toEqual([
      ['window_rank:1:windows', 10, new Map([[1, [[1, 30, 10], [1, 20, 10]]], [2, [[2, 5, 10]]]])],
      ['window_rank:1:windows', 20, new Map([[1, [[1, 99, 20]]]])],
    ]);
    expect(h.watermark(9).take()).toEqual(['+I[1, 30, 10, 1]', '+I[1, 20, 10, 2]', '+I[2, 5, 10, 1]', 'WM(9)']);
    expect(h.push([[1, 50, 10]]).take()).toEqual([]);
    expect(h.metrics.lateRecordsDropped).toBe(1);
    expect(h.watermark(19).take()).toEqual(['+I[1, 99, 20, 1]', 'WM(19)']);
    expect(windowState(h)).toEqual([]);
  });

  it('keeps ties within the rank range for RANK and emits without the rank column', () => {
    const h = new OperatorHarness({ kind: 'window_rank', config: windowRank({ rankType: 'RANK', outputRankNumber: false, fields }) });
    h.push([[1, 30, 10], [1, 20, 10], [1, 30, 10], [1, 10, 10]]);
    expect(h.watermark(9).take()).toEqual(['+I[1, 30, 10]', '+I[1, 30, 10]', 'WM(9)']);
  });
});

describe('WindowDeduplicate', () => {
  // Rows are [key, time, window_end, tag]; the tag tells apart rows of equal time.
  const deduplicate = (keepLast: boolean): WindowDeduplicateConfig => ({ keys: [0], keepLast, timeIndex: 1, windowEnd: 2, fields: [...fields, { name: 'tag', type: { kind: 'VARCHAR', length: 10, nullable: true } }] });

  it('keeps the earliest row per window and key however rows arrive, the first arrival on equal times, and drops the state when it fires', () => {
    const h = new OperatorHarness({ kind: 'window_deduplicate', config: deduplicate(false) });
    h.push([[1, 5, 10, 'a'], [1, 3, 10, 'b'], [1, 3, 10, 'c'], [2, 8, 10, 'd'], [1, 12, 20, 'e']]);
    expect(h.watermark(9).take()).toEqual(['+I[1, 3, 10, b]', '+I[2, 8, 10, d]', 'WM(9)']);
    expect(h.push([[1, 1, 10, 'late']]).watermark(30).take()).toEqual(['+I[1, 12, 20, e]', 'WM(30)']);
    expect(h.metrics.lateRecordsDropped).toBe(1);
    expect(windowState(h)).toEqual([]);
  });

  it('keeps the latest row, the last arrival on equal times', () => {
    const h = new OperatorHarness({ kind: 'window_deduplicate', config: deduplicate(true) });
    h.push([[1, 5, 10, 'a'], [1, 7, 10, 'b'], [1, 6, 10, 'c'], [1, 7, 10, 'd']]);
    expect(h.watermark(9).take()).toEqual(['+I[1, 7, 10, d]', 'WM(9)']);
    expect(windowState(h)).toEqual([]);
  });
});
