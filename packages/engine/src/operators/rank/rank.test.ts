import { describe, expect, it } from 'vitest';
import type { DeduplicateConfig, RankConfig } from '../../plan/rank-plan';
import { simple } from '../../sql/data-type';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE } from '../../runtime/row';
import { OperatorHarness } from '../operator-test-harness';

const BIGINT = simple('BIGINT');
const fields = [{ name: 'k', type: BIGINT }, { name: 'v', type: BIGINT }];

function rank(overrides: Partial<RankConfig> = {}): RankConfig {
  return {
    rankType: 'ROW_NUMBER', keys: [0], sortKeys: [{ index: 1, descending: true, nullsFirst: false }], rankEnd: 2,
    outputRankNumber: true, fields: [...fields, { name: 'rn', type: BIGINT }], inputHasUpdates: false, generateUpdateBefore: true,
    ...overrides,
  };
}

function deduplicate(overrides: Partial<DeduplicateConfig> = {}): DeduplicateConfig {
  return { keys: [0], keepLast: true, timeIndex: 1, timeAttribute: 'rowtime', fields, generateUpdateBefore: true, ...overrides };
}

describe('Rank', () => {
  it('updates each shifted rank in place and fills a new rank with +I', () => {
    const h = new OperatorHarness({ kind: 'rank', config: rank() });
    expect(h.push([[1, 10]]).take()).toEqual(['+I[1, 10, 1]']);
    expect(h.push([[1, 30]]).take()).toEqual(['-U[1, 10, 1]', '+U[1, 30, 1]', '+I[1, 10, 2]']);
    expect(h.push([[1, 10]]).take()).toEqual([]);
    expect(h.push([[1, 20]]).take()).toEqual(['-U[1, 10, 2]', '+U[1, 20, 2]']);
    expect(h.push([[2, 5]]).take()).toEqual(['+I[2, 5, 1]']);
  });

  it('without the rank column, deletes the row that falls out before inserting the new one', () => {
    const h = new OperatorHarness({ kind: 'rank', config: rank({ outputRankNumber: false, fields }) });
    expect(h.push([[1, 10], [1, 30]]).take()).toEqual(['+I[1, 10]', '+I[1, 30]']);
    expect(h.push([[1, 20]]).take()).toEqual(['-D[1, 10]', '+I[1, 20]']);
  });

  it('on updating input, a retraction lets the next row move up', () => {
    const h = new OperatorHarness({ kind: 'rank', config: rank({ inputHasUpdates: true }) });
    expect(h.push([[1, 10], [1, 30], [1, 20]], [INSERT, INSERT, INSERT]).take()).toEqual(['+I[1, 10, 1]', '-U[1, 10, 1]', '+U[1, 30, 1]', '+I[1, 10, 2]', '-U[1, 10, 2]', '+U[1, 20, 2]']);
    expect(h.push([[1, 30]], [DELETE]).take()).toEqual(['-U[1, 30, 1]', '+U[1, 20, 1]', '-U[1, 20, 2]', '+U[1, 10, 2]']);
    expect(h.push([[1, 10]], [UPDATE_BEFORE]).take()).toEqual(['-D[1, 10, 2]']);
    expect(h.push([[1, 15]], [UPDATE_AFTER]).take()).toEqual(['+I[1, 15, 2]']);
  });

  it('gives RANK ties the same rank and skips the ranks after them', () => {
    const h = new OperatorHarness({ kind: 'rank', config: rank({ rankType: 'RANK' }) });
    expect(h.push([[1, 7], [1, 7]]).take()).toEqual(['+I[1, 7, 1]', '+I[1, 7, 1]']);
    expect(h.push([[1, 5]]).take()).toEqual([]);
  });
});

describe('Deduplicate', () => {
  it('keeps the last row on event time unless the new one is earlier', () => {
    const h = new OperatorHarness({ kind: 'deduplicate', config: deduplicate() });
    expect(h.push([[1, 100]]).take()).toEqual(['+I[1, 100]']);
    expect(h.push([[1, 90]]).take()).toEqual([]);
    expect(h.push([[1, 100]]).take()).toEqual(['-U[1, 100]', '+U[1, 100]']);
  });

  it('keeps the first row on processing time as inserts only', () => {
    const h = new OperatorHarness({ kind: 'deduplicate', config: deduplicate({ keepLast: false, timeAttribute: 'proctime' }) });
    expect(h.push([[1, 100], [1, 50], [2, 1]]).take()).toEqual(['+I[1, 100]', '+I[2, 1]']);
  });
});
