import type { PlanField } from './plan-expr';

/** One ORDER BY column of a ranking: input column, direction, and where NULLs sort (Flink: first when ASC, last when DESC). */
export interface SortKey {
  index: number;
  descending: boolean;
  nullsFirst: boolean;
}

/**
 * Top-N (plan kind `rank`): `ROW_NUMBER() | RANK() | DENSE_RANK() OVER (PARTITION BY keys ORDER BY
 * sortKeys)` filtered to ranks 1..rankEnd. The output is the input row, followed by the rank when
 * `outputRankNumber`.
 */
export interface RankConfig {
  rankType: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
  keys: number[];
  sortKeys: SortKey[];
  rankEnd: number;
  outputRankNumber: boolean;
  fields: PlanField[];
  /** Whether the input carries retractions (Flink's RetractableTopNFunction keeps every row then). Set by the changelog pass. */
  inputHasUpdates: boolean;
  /** Emit -U before +U (false for upsert sinks). Set by the changelog pass. */
  generateUpdateBefore: boolean;
}

/**
 * Deduplication (plan kind `deduplicate`): `ROW_NUMBER() OVER (PARTITION BY keys ORDER BY time ASC|DESC) = 1`
 * without the rank column. Keeps the first (ASC) or last (DESC) row per key; the output is the input row.
 */
export interface DeduplicateConfig {
  keys: number[];
  keepLast: boolean;
  timeIndex: number;
  timeAttribute: 'rowtime' | 'proctime';
  fields: PlanField[];
  /** Emit -U before +U (false for upsert sinks). Set by the changelog pass. */
  generateUpdateBefore: boolean;
}
