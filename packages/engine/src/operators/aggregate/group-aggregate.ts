import type { GroupAggregateConfig } from '../../plan/logical-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { DELETE, INSERT, isAccumulate, UPDATE_AFTER, UPDATE_BEFORE, type Row, type RowBatch, type RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { compileAggsHandler, type Accumulator, type AggsHandler } from './aggs-handler';
import { MiniBatchBuffer } from './mini-batch-buffer';

/**
 * Unbounded GROUP BY (plan kind `group_aggregate`), Flink's GroupAggFunction: per key, the first
 * result is +I, each change after it -U old / +U new (-U only when a consumer needs it), nothing
 * when the result did not change, -D when retractions empty the group. With mini-batch on, rows are
 * buffered per key and folded before one result per key is emitted (MiniBatchGroupAggFunction).
 */
export class GroupAggregate implements StreamOperator {
  private readonly handler: AggsHandler;
  private readonly keyOf: KeySelector;
  private readonly accumulators: Map<StateKey, Accumulator>;
  private readonly keyCount: number;
  private readonly aggCount: number;
  private readonly buffer: MiniBatchBuffer | undefined;
  private outRows: RowBatch = [];
  private outKinds: RowKinds = [];

  constructor(
    private readonly config: GroupAggregateConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.handler = compileAggsHandler(config.aggs, config.inputHasUpdates);
    this.keyOf = compileKeySelector(config.keys);
    this.accumulators = context.state.namespace<Accumulator>(`group_aggregate:${operatorId}`);
    this.keyCount = config.keys.length;
    this.aggCount = config.aggs.length;
    this.buffer = MiniBatchBuffer.fromConfig(context);
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    if (this.buffer) {
      this.buffer.add(batch, kinds, this.keyOf);
      if (this.buffer.isFull(Date.now())) this.flushBuffer();
      return;
    }
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      this.processKey(this.keyOf(row), row, [row], kinds ? [kinds[i]] : undefined);
    }
    this.flushOutput();
  }

  processWatermark(watermarkMs: number): void {
    this.flushBuffer();
    this.output.emitWatermark(watermarkMs);
  }

  onProcessingTime(nowMs: number): void {
    if (this.buffer?.isFull(nowMs)) this.flushBuffer();
  }

  finish(): void {
    this.flushBuffer();
  }

  private flushBuffer(): void {
    if (!this.buffer || this.buffer.isEmpty()) return;
    for (const [key, bundle] of this.buffer.drain()) this.processKey(key, bundle.rows[0], bundle.rows, bundle.kinds);
    this.flushOutput();
  }

  /** Folds the rows of one key into its accumulator and emits the change of its result, if any. */
  private processKey(key: StateKey, keyRow: Row, rows: RowBatch, kinds: RowKinds | undefined): void {
    let acc = this.accumulators.get(key);
    let firstRow = false;
    let start = 0;
    if (acc === undefined) {
      // A group is not created by retractions, as in Flink.
      while (kinds && start < rows.length && !isAccumulate(kinds[start])) start++;
      if (start === rows.length) return;
      firstRow = true;
      acc = this.handler.create();
    }
    const previous = firstRow ? undefined : this.result(keyRow, acc);
    for (let i = start; i < rows.length; i++) {
      if (kinds && !isAccumulate(kinds[i])) this.handler.retract(acc, rows[i]);
      else this.handler.accumulate(acc, rows[i]);
    }
    if (this.config.inputHasUpdates && (acc[0] as number) <= 0) {
      this.accumulators.delete(key);
      if (previous) this.push(previous, DELETE);
      return;
    }
    if (firstRow) this.accumulators.set(key, acc);
    const current = this.result(keyRow, acc);
    if (!previous) {
      this.push(current, INSERT);
      return;
    }
    if (this.sameValues(previous, current)) return;
    if (this.config.generateUpdateBefore) this.push(previous, UPDATE_BEFORE);
    this.push(current, UPDATE_AFTER);
  }

  private result(keyRow: Row, acc: Accumulator): Row {
    const row: Row = new Array(this.keyCount + this.aggCount);
    const keys = this.config.keys;
    for (let k = 0; k < this.keyCount; k++) row[k] = keyRow[keys[k]];
    this.handler.values(acc, row, this.keyCount);
    return row;
  }

  private sameValues(a: Row, b: Row): boolean {
    for (let i = this.keyCount; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  private push(row: Row, kind: number): void {
    this.outRows.push(row);
    this.outKinds.push(kind);
  }

  private flushOutput(): void {
    if (this.outRows.length === 0) return;
    const rows = this.outRows;
    const kinds = this.outKinds;
    this.outRows = [];
    this.outKinds = [];
    this.metrics.recordsOut += rows.length;
    this.output.emit(rows, kinds);
  }
}

export const createGroupAggregate: OperatorFactory = (operator, context, output, metrics) => new GroupAggregate(operator.config as GroupAggregateConfig, context, output, metrics, operator.id);
