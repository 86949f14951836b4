import type { StartOffset } from '../connectors/connector';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import type { PhysicalOperator } from '../plan/physical-plan';
import type { RowBatch, RowKinds } from './row';
import type { StateBackend } from './state-backend';

/** Receives what an operator emits: batches (with kinds when the stream has updates) and watermarks. */
export interface Output {
  emit(batch: RowBatch, kinds?: RowKinds): void;
  emitWatermark(watermarkMs: number): void;
}

/** Cumulative counters of one operator, summed over its subtasks. */
export interface OperatorMetrics {
  recordsIn: number;
  recordsOut: number;
  /** Rows a window operator dropped because their window had already fired. */
  lateRecordsDropped?: number;
  /** Sources: records their format could not read, skipped by `scan.parse-error.policy` = 'skip' or `*.ignore-parse-errors`. */
  recordsSkipped?: number;
  /** The operator's current event-time watermark (the minimum over its subtasks is not kept: the last seen). */
  watermarkMs?: number;
}

export interface OperatorContext {
  subtaskIndex: number;
  parallelism: number;
  state: StateBackend;
  connectors: ConnectorRegistry;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Session configuration of the job (SET statements). */
  config: Record<string, string>;
  /** Processing time (`StartJobOptions.clock`, by default the wall clock), read by processing-time operators. */
  now(): number;
  /** The operator's stable identity (`operatorUids`), the same in every attempt of the same SQL. */
  uid: string;
  /** The job's checkpointing mode, or null when it does not checkpoint (sinks then publish as they go). */
  delivery: 'EXACTLY_ONCE' | 'AT_LEAST_ONCE' | null;
  /** Where sources start when nothing is restored. */
  startOffset?: StartOffset;
}

/** A non-source operator in a chain: processes batches pushed to it, then is told the input ended. */
export interface StreamOperator {
  processBatch(batch: RowBatch, kinds?: RowKinds): void;
  /** Two-input operators (joins): a batch for input `input` (1: the right side); processBatch is input 0. */
  processInput?(input: number, batch: RowBatch, kinds?: RowKinds): void;
  /** The event time of the input advanced; operators without this forward it unchanged. */
  processWatermark?(watermarkMs: number): void;
  /** Called by the runner between batches so processing-time timers can fire. */
  onProcessingTime?(nowMs: number): void;
  /** All input has arrived: flush whatever the operator holds. */
  finish(): void;
  /**
   * A checkpoint is about to cut the job: emit what is held outside the state backend (mini-batch
   * buffers), as Flink flushes its bundles on a barrier. Everything else must live in the backend.
   */
  prepareSnapshot?(): void;
  /** Sinks: the checkpoint's pre-commit handle (Flink's two-phase commit), or undefined when nothing is staged. */
  preCommit?(checkpointId: number): unknown;
  /** Sinks: makes staged output visible; called once checkpoints complete, and again after a restore (so idempotent). */
  commit?(committables: unknown[]): void | Promise<void>;
  /** Sinks, after a restore: commits the restored checkpoint's handles and discards what older attempts left staged. */
  recover?(committables: unknown[]): void | Promise<void>;
  /** Promise while the operator waits on its destination (backpressure), else null. */
  pending?(): Promise<void> | null;
  /** The run ended, however: release what the operator holds outside the engine (connections). */
  close?(): void | Promise<void>;
}

/** Builds an operator for a plan operator of some kind. */
export type OperatorFactory = (operator: PhysicalOperator, context: OperatorContext, output: Output, metrics: OperatorMetrics) => StreamOperator;
