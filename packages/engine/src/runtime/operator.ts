import type { ConnectorRegistry } from '../connectors/connector-registry';
import type { PhysicalOperator } from '../plan/physical-plan';
import type { RowBatch } from './row';
import type { StateBackend } from './state-backend';

/** Receives the batches an operator emits. */
export interface Output {
  emit(batch: RowBatch): void;
}

/** Cumulative counters of one operator, summed over its subtasks. */
export interface OperatorMetrics {
  recordsIn: number;
  recordsOut: number;
}

export interface OperatorContext {
  subtaskIndex: number;
  parallelism: number;
  state: StateBackend;
  connectors: ConnectorRegistry;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A non-source operator in a chain: processes batches pushed to it, then is told the input ended. */
export interface StreamOperator {
  processBatch(batch: RowBatch): void;
  /** All input has arrived: flush whatever the operator holds. */
  finish(): void;
  /** Promise while the operator waits on its destination (backpressure), else null. */
  pending?(): Promise<void> | null;
}

/** Builds an operator for a plan operator of some kind. */
export type OperatorFactory = (operator: PhysicalOperator, context: OperatorContext, output: Output, metrics: OperatorMetrics) => StreamOperator;
