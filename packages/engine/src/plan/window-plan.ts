import type { PlanExpr, PlanField } from './plan-expr';
import type { SortKey } from './rank-plan';

/**
 * A window join (plan kind `window_join`): both inputs carry window_start/window_end of the same
 * window and ON equates them. Rows are kept per window end and join key, and joined once the
 * watermark passes the window's end; the output is append-only. SEMI and ANTI emit left rows only.
 */
export interface WindowJoinConfig {
  joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'SEMI' | 'ANTI';
  /** Equi-join columns besides the window columns: left input column leftKeys[i] equals right input column rightKeys[i]. */
  leftKeys: number[];
  rightKeys: number[];
  /** The window_end column of each input. */
  leftWindowEnd: number;
  rightWindowEnd: number;
  /** The rest of the ON condition over the left row followed by the right row, or null. */
  condition: PlanExpr | null;
  leftWidth: number;
  fields: PlanField[];
}

/**
 * Window Top-N (plan kind `window_rank`): a ranking partitioned by window_start, window_end and
 * `keys`; rows are kept per window end and key and the top `rankEnd` emitted once the window fires.
 * The output is the input row, followed by the rank when `outputRankNumber`.
 */
export interface WindowRankConfig {
  rankType: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
  /** Partition columns other than the window columns. */
  keys: number[];
  sortKeys: SortKey[];
  rankEnd: number;
  outputRankNumber: boolean;
  windowEnd: number;
  fields: PlanField[];
}

/**
 * Window deduplication (plan kind `window_deduplicate`): `ROW_NUMBER() OVER (PARTITION BY
 * window_start, window_end, keys ORDER BY time ASC|DESC) = 1`; keeps the first or last row per
 * window and key, emitted once the window fires. The output is the input row.
 */
export interface WindowDeduplicateConfig {
  keys: number[];
  keepLast: boolean;
  timeIndex: number;
  windowEnd: number;
  fields: PlanField[];
}
