import { EngineError } from '../errors';
import type { DataType } from '../sql/data-type';
import type { PlanExpr, PlanField } from './plan-expr';
import type { DeduplicateConfig, RankConfig } from './rank-plan';
import type { TemporalJoinConfig } from './temporal-join-plan';
import type { WindowDeduplicateConfig, WindowJoinConfig, WindowRankConfig } from './window-plan';
import type { OverAggregateConfig } from './over-plan';

/** Bumped whenever a node kind or config changes shape, so stored plans can be recognized. */
export const PLAN_VERSION = 4;

export interface TableSourceConfig {
  table: string;
  connector: string;
  options: Record<string, string>;
  /** Columns the source emits, in order (after projection push-down: only the projected ones). */
  fields: PlanField[];
  /** Metadata key per field, null for physical columns. */
  metadataKeys: (string | null)[];
  /** Indexes into `tableFields` the connector agreed to produce, when a projection was pushed down. */
  projection?: number[];
  /** All physical and metadata columns of the table, when `fields` is a projection of them. */
  tableFields?: PlanField[];
  /** Nested projection: ROW columns (by index into the table's fields) read only through these field indexes. */
  nestedFields?: Record<string, number[]>;
  /** Conjuncts over all the table's physical and metadata columns that the connector agreed to apply. */
  filters?: PlanExpr[];
  /** `WATERMARK FOR`: the watermark expression over `fields`, evaluated per row by each source subtask. */
  watermark?: PlanExpr;
}

/** `VALUES (...), (...)`: constant rows, each column an expression over no input. */
export interface ValuesConfig {
  rows: PlanExpr[][];
  fields: PlanField[];
}

export interface CalcConfig {
  projection: PlanExpr[];
  /** Rows are kept only where this evaluates to TRUE (not FALSE, not NULL). */
  filter: PlanExpr | null;
  fields: PlanField[];
}

export interface TableSinkConfig {
  table: string;
  connector: string;
  options: Record<string, string>;
  fields: PlanField[];
  /** `PARTITIONED BY` columns of the sink table, when it has any. */
  partitionKeys?: string[];
  /** For updating input: the columns identifying a row, so an upsert sink can replace it by key. */
  upsertKeys?: number[];
  /** The sink table's declared PRIMARY KEY, when it has one. */
  primaryKey?: string[];
}

export interface UnionConfig {
  fields: PlanField[];
}

/** One aggregate call over input columns (a calc before the aggregate computes arguments and filters). */
export interface AggregateCall {
  /** Upper-case function name: COUNT, SUM, AVG, MIN, MAX, FIRST_VALUE, ..., LISTAGG. */
  fn: string;
  args: number[];
  argTypes: DataType[];
  distinct: boolean;
  /** Input column holding the FILTER (WHERE ...) condition, or null. */
  filter: number | null;
  type: DataType;
  /** The result's name as Flink shows it: the select-list alias, or EXPR$n. */
  name: string;
}

export interface GroupAggregateConfig {
  /** Input columns grouped by; the output starts with them, then one column per aggregate. */
  keys: number[];
  aggs: AggregateCall[];
  fields: PlanField[];
  /** Whether the input carries retractions (then MIN/MAX and SUM keep retractable state). */
  inputHasUpdates: boolean;
  /** Emit -U before +U (false for upsert sinks such as blackhole). Set by the changelog pass. */
  generateUpdateBefore: boolean;
  /** Names of the input fields, for EXPLAIN. */
  inputNames: string[];
}

/** The first phase of a two-phase aggregate: folds rows per key into partial accumulators. */
export interface LocalGroupAggregateConfig {
  keys: number[];
  aggs: AggregateCall[];
  /** The keys, then one column holding the partial accumulator. */
  fields: PlanField[];
}

/** The second phase: merges partial accumulators (column `keys.length`) per key; keys are columns 0..n-1. */
export type GlobalGroupAggregateConfig = GroupAggregateConfig;

/** Emits each input row once per projection list (GROUPING SETS / ROLLUP / CUBE). */
export interface ExpandConfig {
  projections: PlanExpr[][];
  fields: PlanField[];
}

export type WindowSpec =
  | { kind: 'tumble'; sizeMs: number; offsetMs: number }
  | { kind: 'hop'; sizeMs: number; slideMs: number; offsetMs: number }
  | { kind: 'cumulate'; maxSizeMs: number; stepMs: number; offsetMs: number }
  | { kind: 'session'; gapMs: number };

export interface WindowAggregateConfig {
  keys: number[];
  aggs: AggregateCall[];
  window: WindowSpec;
  /** Input column of the time attribute. */
  timeIndex: number;
  timeAttribute: 'rowtime' | 'proctime';
  /**
   * Input columns holding window_start and window_end when the input is already windowed (a GROUP
   * BY of an upstream window's columns): each row keeps that window instead of being assigned one.
   */
  attached?: { startIndex: number; endIndex: number };
  /** keys, aggregates, then window_start, window_end, window_time. */
  fields: PlanField[];
  inputNames: string[];
}

/** A plan node: `{ id, kind, config, inputs }`, plus the changes it emits once the changelog pass ran. */
interface PlanNode<K extends string, C> {
  id: string;
  kind: K;
  config: C;
  inputs: string[];
  /** Flink's changelog mode: `I`, `I,UA`, `I,UB,UA`, `I,UB,UA,D`, ...; shown by EXPLAIN. */
  changelogMode?: string;
}

/** A window TVF outside an aggregation: each row once per window holding it, plus the window columns. */
export interface WindowTableFunctionConfig {
  window: Exclude<WindowSpec, { kind: 'session' }>;
  timeIndex: number;
  timeAttribute: 'rowtime' | 'proctime';
  /** The input's fields, then window_start, window_end, window_time. */
  fields: PlanField[];
}

/** A regular (unbounded) join; the output row is the left row followed by the right row. */
export interface JoinConfig {
  joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
  /** Equi-join columns: left input column leftKeys[i] equals right input column rightKeys[i]. */
  leftKeys: number[];
  rightKeys: number[];
  /** The rest of the ON condition over the joined row, or null. */
  condition: PlanExpr | null;
  leftWidth: number;
  fields: PlanField[];
  /** Whether each input carries retractions (set by the changelog pass). */
  leftHasUpdates: boolean;
  rightHasUpdates: boolean;
}

/**
 * A lookup join (`JOIN dim FOR SYSTEM_TIME AS OF t.proc_time`): each input row looks its dimension
 * rows up through the connector by key; the output row is the input row followed by the dimension row.
 */
export interface LookupJoinConfig {
  joinType: 'INNER' | 'LEFT';
  /** The dimension table as the connector sees it (all its physical columns). */
  table: string;
  connector: string;
  options: Record<string, string>;
  dimFields: PlanField[];
  /** Dimension column dimKeys[i] must equal keyExprs[i], an expression over the input row. */
  dimKeys: number[];
  keyExprs: PlanExpr[];
  /** The rest of the ON condition over the joined row, or null. */
  condition: PlanExpr | null;
  leftWidth: number;
  fields: PlanField[];
}

/**
 * A semi join (`IN`/`EXISTS` subqueries) or anti join (`NOT IN`/`NOT EXISTS`): left rows that have
 * (or have not) a matching right row; the output is the left row alone.
 */
export interface SemiAntiJoinConfig {
  leftKeys: number[];
  rightKeys: number[];
  /** The rest of the match condition over the left row followed by the right row, or null. */
  condition: PlanExpr | null;
  leftWidth: number;
  fields: PlanField[];
  leftHasUpdates: boolean;
  rightHasUpdates: boolean;
}

/**
 * An event-time interval join: a join on keys whose condition bounds the difference of two
 * rowtime attributes, `lowerMs <= left time - right time <= upperMs`; insert-only (outer sides
 * emit their unmatched rows padded once they expire), state expires with the watermark.
 */
export interface IntervalJoinConfig {
  joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
  leftKeys: number[];
  rightKeys: number[];
  /** The rowtime columns: leftTime in the left row, rightTime in the right row. */
  leftTime: number;
  rightTime: number;
  lowerMs: number;
  upperMs: number;
  /** The rest of the ON condition over the joined row, or null. */
  condition: PlanExpr | null;
  leftWidth: number;
  fields: PlanField[];
}

export type LogicalNode =
  | PlanNode<'table_source', TableSourceConfig>
  | PlanNode<'values', ValuesConfig>
  | PlanNode<'calc', CalcConfig>
  | PlanNode<'union', UnionConfig>
  | PlanNode<'expand', ExpandConfig>
  | PlanNode<'group_aggregate', GroupAggregateConfig>
  | PlanNode<'local_group_aggregate', LocalGroupAggregateConfig>
  | PlanNode<'global_group_aggregate', GlobalGroupAggregateConfig>
  | PlanNode<'window_aggregate', WindowAggregateConfig>
  | PlanNode<'window_table_function', WindowTableFunctionConfig>
  | PlanNode<'join', JoinConfig>
  | PlanNode<'interval_join', IntervalJoinConfig>
  | PlanNode<'semi_join', SemiAntiJoinConfig>
  | PlanNode<'anti_join', SemiAntiJoinConfig>
  | PlanNode<'rank', RankConfig>
  | PlanNode<'deduplicate', DeduplicateConfig>
  | PlanNode<'over_aggregate', OverAggregateConfig>
  | PlanNode<'lookup_join', LookupJoinConfig>
  | PlanNode<'temporal_join', TemporalJoinConfig>
  | PlanNode<'window_join', WindowJoinConfig>
  | PlanNode<'window_rank', WindowRankConfig>
  | PlanNode<'window_deduplicate', WindowDeduplicateConfig>
  | PlanNode<'table_sink', TableSinkConfig>;

export type LogicalNodeKind = LogicalNode['kind'];

export interface LogicalPlan {
  planVersion: number;
  nodes: LogicalNode[];
  /** Session configuration (SET statements and --set), e.g. 'parallelism.default'. */
  config: Record<string, string>;
}

/** Appends nodes with sequential ids; nodes only refer to earlier ones, so the list is topological. */
export class LogicalPlanBuilder {
  readonly nodes: LogicalNode[] = [];

  /** Adds a node and returns its id. */
  add<K extends LogicalNodeKind>(kind: K, config: Extract<LogicalNode, { kind: K }>['config'], inputs: string[]): string {
    const id = String(this.nodes.length + 1);
    this.nodes.push({ id, kind, config, inputs } as LogicalNode);
    return id;
  }

  /** Output fields of a node. */
  fieldsOf(id: string): PlanField[] {
    const node = this.nodes.find((n) => n.id === id);
    if (!node) throw new EngineError(`plan node ${id} does not exist`, { code: 'PLAN_NODE_MISSING', domain: 'internal' });
    return node.config.fields;
  }
}
