import type { PlanExpr, PlanField } from './plan-expr';

/**
 * An event-time temporal join (plan kind `temporal_join`): `a [LEFT] JOIN versioned FOR SYSTEM_TIME
 * AS OF a.rowtime ON ...` joins each left row with the version of the right row valid at the left
 * row's time (the right side is keyed by its primary key and versioned by its rowtime). The output
 * row is the left row followed by the right row, with the left row's kind.
 */
export interface TemporalJoinConfig {
  joinType: 'INNER' | 'LEFT';
  /** Equi-join columns: left input column leftKeys[i] equals right input column rightKeys[i]; they cover the right primary key. */
  leftKeys: number[];
  rightKeys: number[];
  /** The left row's rowtime column (the AS OF attribute) and the right row's version time column. */
  leftTime: number;
  rightTime: number;
  /** The rest of the ON condition over the joined row, or null. */
  condition: PlanExpr | null;
  leftWidth: number;
  fields: PlanField[];
  /** Whether the left input carries updates, whose kinds the joined rows keep (set by the changelog pass). */
  leftHasUpdates: boolean;
}
