import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Row, RowBatch, RowKinds } from '../runtime/row';

/** A table as a connector sees it: its name, WITH options and the columns it reads or writes. */
export interface ConnectorTable {
  table: string;
  options: Record<string, string>;
  fields: PlanField[];
  /** Projection push-down: a source emits only these columns (indexes into `fields`), in this order. */
  projection?: number[];
  /** Filter push-down: conjuncts over `fields` the source agreed to apply (see `Connector.applyFilter`). */
  filters?: PlanExpr[];
  /**
   * Nested projection: ROW columns (index into `fields`) read only through these field indexes;
   * a source may leave the other fields of such a row at any value.
   */
  nestedFields?: Record<string, number[]>;
  /** `PARTITIONED BY` columns, for connectors that lay rows out by partition (filesystem). */
  partitionKeys?: string[];
  /** Lookup sources: the columns (indexes into `fields`) a lookup key gives values for, in key order. */
  lookupKeys?: number[];
  /** Sinks fed with updates: the columns identifying a row (an upsert sink gets +U without -U). */
  upsertKeys?: number[];
  /** The table's declared PRIMARY KEY columns (NOT ENFORCED, as Flink's), when it has one. */
  primaryKey?: string[];
}

/** What a table is used as: read by a scan, written by a sink, or looked up by a lookup join. */
export type TableRole = 'source' | 'sink' | 'lookup';

/** A problem with a table's options, placed at the option's value when `option` is set. */
export interface ConnectorProblem {
  code: string;
  message: string;
  option?: string;
}

/** Where a source starts reading when a run restores nothing (Flink's `scan.startup.mode` family). */
export type StartOffset = { kind: 'earliest' } | { kind: 'latest' } | { kind: 'timestamp'; timestampMs: number };

export interface SubtaskInfo {
  subtaskIndex: number;
  parallelism: number;
  /** The deployment's start offset, for sources that can start elsewhere than their beginning; absent: the source's default. */
  startOffset?: StartOffset;
  /** The job's checkpointing mode, null when it does not checkpoint (a source that acknowledges on checkpoints then acknowledges at once). */
  delivery?: 'EXACTLY_ONCE' | 'AT_LEAST_ONCE' | null;
}

/** What one source poll produced; `nextPollAtMs` asks the runner to wait (rate limits). */
export interface SourcePoll {
  rows: RowBatch;
  /** One kind per row (0 +I, 1 -U, 2 +U, 3 -D) from a source whose `sourceChangelogMode` is `all`. */
  kinds?: RowKinds;
  finished: boolean;
  nextPollAtMs?: number;
  /** Records the source read but skipped as unreadable since the last poll (counted in its `recordsSkipped`). */
  skipped?: number;
}

/**
 * Reads rows for one source subtask; called repeatedly by the runner, never blocks.
 *
 * Replay: a reader that implements `snapshotPosition` is checkpointed with the job. The position is
 * taken between polls and must be structured-cloneable; `restorePosition`, called before the first
 * poll of a restored run, resumes reading with the row after the last one polled before the
 * snapshot. With both, the job's output is exactly once when its sinks commit on checkpoints; a
 * reader without them starts afresh after a failure (its rows are lost or repeated).
 */
export interface SourceReader {
  poll(maxRows: number, nowMs: number): SourcePoll;
  snapshotPosition?(): unknown;
  restorePosition?(position: unknown): void;
  /**
   * The checkpoint that holds `position` (what `snapshotPosition` returned) is complete: a source
   * that acknowledges what it read (a queue, a consumer group) may now acknowledge up to there.
   */
  checkpointComplete?(position: unknown): void | Promise<void>;
  /** The run ended (finished, stopped or failed): release connections; called once. */
  close?(): void | Promise<void>;
}

export interface SinkContext extends SubtaskInfo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The sink's stable identity across attempts of a job (names what it stages, so a restore finds it). */
  uid: string;
  /** The job's checkpointing mode; null when it does not checkpoint, and the sink publishes as it writes. */
  delivery: 'EXACTLY_ONCE' | 'AT_LEAST_ONCE' | null;
}

/**
 * Writes rows for one sink subtask.
 *
 * Two-phase commit (Flink's TwoPhaseCommittingSink), for sinks that can stage output: on each
 * checkpoint the runner calls `preCommit`, which stages everything written so far and returns a
 * structured-cloneable handle (a committable) kept in the checkpoint; once the checkpoint is
 * complete `commit` makes those handles' output visible. After a failure the run restored from
 * checkpoint N calls `recover` with N's handles: it commits them (commit must be idempotent: N may
 * have been committed already) and discards whatever later, superseded attempts staged. A sink
 * without these methods writes through and is at-least-once under checkpointing.
 */
export interface SinkWriter {
  /** `kinds` (one per row: 0 +I, 1 -U, 2 +U, 3 -D) is absent for insert-only streams. */
  write(rows: RowBatch, kinds?: RowKinds): void;
  finish(): void;
  /** A promise while the destination asks the writer to slow down (backpressure), else null. */
  pending?(): Promise<void> | null;
  /** A checkpoint is about to cut: from now `pending` settles only once everything written so far is delivered or staged. */
  prepareSnapshot?(): void;
  preCommit?(checkpointId: number): unknown;
  commit?(committables: unknown[]): void | Promise<void>;
  recover?(committables: unknown[]): void | Promise<void>;
  /** The run ended (finished, stopped or failed): release connections; called once, after `finish` when the input ended. */
  close?(): void | Promise<void>;
}

/**
 * Point lookups for lookup joins (FOR SYSTEM_TIME AS OF): the rows whose `lookupKeys` columns equal
 * `key`. A source that can also read the whole table offers `loadAll`, which FULL caching uses.
 */
export interface LookupSource {
  lookup(key: Row): Row[] | Promise<Row[]>;
  loadAll?(): Row[] | Promise<Row[]>;
  /** The run ended: release connections; called once. */
  close?(): void | Promise<void>;
}

/** A connector: its option contract plus factories for the roles it can play. */
export interface Connector {
  name: string;
  requiredOptions: readonly string[];
  optionalOptions: readonly string[];
  /** Option families such as `fields.<name>.kind`, matched in addition to the plain lists. */
  optionPatterns?: readonly RegExp[];
  /** Options taking one of a fixed set of values, with those values (offered by the editor inside WITH). */
  optionValues?: Readonly<Record<string, readonly string[]>>;
  /** Connector-specific checks beyond required and unknown options. */
  validate?(table: ConnectorTable, role: TableRole): ConnectorProblem[];
  createSource?(table: ConnectorTable, subtask: SubtaskInfo): SourceReader;
  createSink?(table: ConnectorTable, context: SinkContext): SinkWriter;
  createLookup?(table: ConnectorTable): LookupSource;
  /** The `lookup.cache` of this connector's lookup tables when the option is absent (NONE by default, as Flink's). */
  defaultLookupCache?: 'NONE' | 'PARTIAL' | 'FULL';
  /** Plan time: true when the source can emit only `fields` (indexes into `table.fields`, in that order). */
  applyProjection?(table: ConnectorTable, fields: number[]): boolean;
  /** Plan time: the conjuncts the source guarantees to apply itself; the others stay in the plan. */
  applyFilter?(table: ConnectorTable, conjuncts: PlanExpr[]): PlanExpr[];
  /** Plan time: whether a source reads inserts only (the default) or a whole changelog, its polls then carrying kinds. */
  sourceChangelogMode?(table: ConnectorTable): 'insert-only' | 'all';
  /** Changes a sink consumes: inserts only (the default), upserts (no -U rows) or the whole changelog. */
  sinkChangelogMode?: 'insert-only' | 'upsert' | 'all';
}
