import type { AggregateCall } from './logical-plan';
import type { PlanField } from './plan-expr';

/**
 * The frame of an OVER window, always ending at the current row: `ROWS` counts preceding rows,
 * `RANGE` reaches back `preceding` milliseconds of the time attribute; `preceding` null is
 * UNBOUNDED PRECEDING.
 */
export interface OverFrame {
  unit: 'ROWS' | 'RANGE';
  preceding: number | null;
}

/**
 * OVER aggregation (plan kind `over_aggregate`), Flink's OverAggregate: every input row is emitted
 * once, followed by the aggregates over its frame in its partition, ordered by one time attribute.
 */
export interface OverAggregateConfig {
  /** PARTITION BY columns (none: one partition). */
  keys: number[];
  /** The ORDER BY time attribute column. */
  timeIndex: number;
  timeAttribute: 'rowtime' | 'proctime';
  frame: OverFrame;
  aggs: AggregateCall[];
  /** The input's fields, then one per aggregate. */
  fields: PlanField[];
  /** Names of the input fields, for EXPLAIN. */
  inputNames: string[];
}
