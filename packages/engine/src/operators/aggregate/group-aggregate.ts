import type { GroupAggregateConfig } from '../../plan/logical-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { DELETE, INSERT, isAccumulate, UPDATE_AFTER, UPDATE_BEFORE, type Row, type RowBatch, type RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { compileAggsHandler, type Accumulator, type AggsHandler } from './aggs-handler';
import { MiniBatchBuffer } from './mini-batch-buffer';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { StateTtl } from '../../runtime/state-ttl';

/**
 * Unbounded GROUP BY (plan kind `group_aggregate`), Flink's GroupAggFunction: per key, the first
 * result is +I, each change after it -U old / +U new (-U only when a consumer needs it), nothing
 * when the result did not change, -D when retractions empty the group. With mini-batch on, rows are
 * buffered per key and folded before one result per key is emitted (MiniBatchGroupAggFunction).
 */
export class GroupAggregate implements StreamOperator {
  protected readonly handler: AggsHandler;
  private readonly keyOf: KeySelector;
  private readonly accumulators: Map<StateKey, Accumulator>;
  private readonly keyCount: number;
  private readonly aggCount: number;
  private readonly buffer: MiniBatchBuffer | undefined;
  /** The aggregate values before a change, reused so unchanged results allocate nothing. */
  private readonly previous: Row;
  private readonly out: ChangelogCollector;
  /** Idle groups are dropped after `table.exec.state.ttl`; a later row starts the group afresh (+I), as in Flink. */
  private readonly ttl: StateTtl | undefined;

  constructor(
    private readonly config: GroupAggregateConfig,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.out = new ChangelogCollector(true);
    this.handler = compileAggsHandler(config.aggs, config.inputHasUpdates);
    this.keyOf = compileKeySelector(config.keys);
    this.accumulators = context.state.namespace<Accumulator>(`group_aggregate:${operatorId}`);
    this.keyCount = config.keys.length;
    this.aggCount = config.aggs.length;
    this.previous = new Array(this.aggCount);
    this.buffer = this.miniBatchBuffer(context);
    this.ttl = StateTtl.of(context.state, `group_aggregate:${operatorId}`, context.config);
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    if (this.buffer) {
      this.buffer.add(batch, kinds, this.keyOf);
      if (this.buffer.isFull(Date.now())) this.flushBuffer();
      return;
    }
    const handler = this.handler;
    const now = this.expireIdleGroups();
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const key = this.keyOf(row);
      const retract = kinds !== undefined && !isAccumulate(kinds[i]);
      let acc = this.accumulators.get(key);
      const firstRow = acc === undefined;
      if (acc === undefined) {
        // A group is not created by retractions, as in Flink.
        if (retract) continue;
        acc = this.firstAccumulator(row);
        this.accumulators.set(key, acc);
      } else {
        handler.values(acc, this.previous, 0);
        if (retract) handler.retract(acc, row);
        else this.fold(acc, row);
      }
      this.emitChange(key, row, acc, firstRow, now);
    }
    this.out.flush(this.output, this.metrics);
  }

  /** Drops the groups idle for the TTL; the processing time this batch is handled at (0 without a TTL). */
  private expireIdleGroups(): number {
    if (!this.ttl) return 0;
    const now = this.context.now();
    this.ttl.expire(now);
    return now;
  }

  /** Adds one input row to a key's accumulator. */
  protected fold(acc: Accumulator, row: Row): void {
    this.handler.accumulate(acc, row);
  }

  /** The accumulator of a new group, holding its first row. */
  protected firstAccumulator(row: Row): Accumulator {
    const acc = this.handler.create();
    this.fold(acc, row);
    return acc;
  }

  /** Where rows wait for the end of a mini-batch; undefined when mini-batch is off. */
  protected miniBatchBuffer(context: OperatorContext): MiniBatchBuffer | undefined {
    return MiniBatchBuffer.fromConfig(context);
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

  prepareSnapshot(): void {
    this.flushBuffer();
  }

  private flushBuffer(): void {
    if (!this.buffer || this.buffer.isEmpty()) return;
    const handler = this.handler;
    const now = this.expireIdleGroups();
    for (const [key, bundle] of this.buffer.drain()) {
      const { rows, kinds } = bundle;
      let acc = this.accumulators.get(key);
      const firstRow = acc === undefined;
      let start = 0;
      if (acc === undefined) {
        while (kinds && start < rows.length && !isAccumulate(kinds[start])) start++;
        if (start === rows.length) continue;
        acc = this.firstAccumulator(rows[start++]);
        this.accumulators.set(key, acc);
      } else {
        handler.values(acc, this.previous, 0);
      }
      for (let i = start; i < rows.length; i++) {
        if (kinds && !isAccumulate(kinds[i])) handler.retract(acc, rows[i]);
        else this.fold(acc, rows[i]);
      }
      this.emitChange(key, rows[0], acc, firstRow, now);
    }
    this.out.flush(this.output, this.metrics);
  }

  /** Emits the change of one key's result after its accumulator was updated (`previous` holds the old values). */
  private emitChange(key: StateKey, keyRow: Row, acc: Accumulator, firstRow: boolean, now: number): void {
    if (this.config.inputHasUpdates && (acc[0] as number) <= 0) {
      this.accumulators.delete(key);
      this.ttl?.forget(key);
      if (!firstRow) this.out.push(this.previousRow(keyRow), DELETE);
      return;
    }
    this.ttl?.touch(key, now);
    const current = this.resultRow(keyRow);
    this.handler.values(acc, current, this.keyCount);
    if (firstRow) {
      this.out.push(current, INSERT);
      return;
    }
    if (this.unchanged(current)) return;
    if (this.config.generateUpdateBefore) this.out.push(this.previousRow(keyRow), UPDATE_BEFORE);
    this.out.push(current, UPDATE_AFTER);
  }

  private resultRow(keyRow: Row): Row {
    const row: Row = new Array(this.keyCount + this.aggCount);
    const keys = this.config.keys;
    for (let k = 0; k < this.keyCount; k++) row[k] = keyRow[keys[k]];
    return row;
  }

  private previousRow(keyRow: Row): Row {
    const row = this.resultRow(keyRow);
    for (let i = 0; i < this.aggCount; i++) row[this.keyCount + i] = this.previous[i];
    return row;
  }

  private unchanged(current: Row): boolean {
    for (let i = 0; i < this.aggCount; i++) if (this.previous[i] !== current[this.keyCount + i]) return false;
    return true;
  }
}

export const createGroupAggregate: OperatorFactory = (operator, context, output, metrics) => new GroupAggregate(operator.config as GroupAggregateConfig, context, output, metrics, operator.id);
