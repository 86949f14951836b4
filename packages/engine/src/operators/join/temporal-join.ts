import type { TemporalJoinConfig } from '../../plan/temporal-join-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { DELETE, INSERT, UPDATE_BEFORE, type Row, type RowBatch, type RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { TimeQueue } from '../../runtime/time-queue';
import { compileCondition, type Condition } from './join';
import { VersionedRows } from './versioned-rows';

/** A left row waiting for the watermark, with its kind. */
interface WaitingRow {
  row: Row;
  kind: number;
}

/**
 * An event-time temporal join (plan kind `temporal_join`), Flink's TemporalRowTimeJoinOperator: left
 * rows wait in state until the watermark (the minimum of both inputs) reaches their time, then join
 * the version of their key valid at that time (the latest right version at or before it; a
 * deletion means none); INNER drops a row without one, LEFT pads it with NULLs. Right rows are
 * versions of their key at their rowtime: +I/+U set one, -D ends it, -U is skipped (its +U follows).
 * Once the watermark passes a version, the versions before the newest one at or below it are
 * dropped, so state holds the waiting left rows and about one version per key. Joined rows keep
 * the left row's kind: insert-only output for an insert-only left input.
 */
export class TemporalJoin implements StreamOperator {
  private readonly waiting: TimeQueue<WaitingRow>;
  private readonly versions: VersionedRows;
  private readonly pruneAt: TimeQueue<StateKey>;
  private readonly keyOf: [KeySelector, KeySelector];
  private readonly condition: Condition | undefined;
  private readonly nulls: Row;
  private readonly out: ChangelogCollector;

  constructor(
    private readonly config: TemporalJoinConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    const namespace = `temporal_join:${operatorId}`;
    this.waiting = new TimeQueue(context.state, `${namespace}:left`);
    this.versions = new VersionedRows(context.state.namespace(`${namespace}:right`));
    this.pruneAt = new TimeQueue(context.state, `${namespace}:right_timers`);
    this.keyOf = [compileKeySelector(config.leftKeys), compileKeySelector(config.rightKeys)];
    this.condition = config.condition ? compileCondition(config.condition) : undefined;
    this.nulls = new Array(config.fields.length - config.leftWidth).fill(null);
    this.out = new ChangelogCollector(config.leftHasUpdates);
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const kind = kinds ? kinds[i] : INSERT;
      const time = row[this.config.leftTime] as number | null;
      if (time !== null) this.waiting.add(time, { row, kind });
      else if (this.config.joinType === 'LEFT') this.out.push(row.concat(this.nulls), kind);
    }
    this.out.flush(this.output, this.metrics);
  }

  processInput(input: number, batch: RowBatch, kinds?: RowKinds): void {
    if (input === 0) {
      this.processBatch(batch, kinds);
      return;
    }
    this.metrics.recordsIn += batch.length;
    const { rightKeys, rightTime } = this.config;
    for (let i = 0; i < batch.length; i++) {
      const kind = kinds ? kinds[i] : 0;
      const row = batch[i];
      const time = row[rightTime] as number | null;
      if (kind === UPDATE_BEFORE || time === null || rightKeys.some((k) => row[k] === null)) continue;
      const key = this.keyOf[1](row);
      if (this.versions.put(key, time, kind === DELETE ? null : row)) this.pruneAt.add(time, key);
    }
  }

  processWatermark(watermarkMs: number): void {
    for (let due = this.waiting.pollDue(watermarkMs); due; due = this.waiting.pollDue(watermarkMs)) {
      for (const { row, kind } of due.values) {
        const joined = this.join(row, due.time);
        if (joined) this.out.push(joined, kind);
      }
    }
    for (let due = this.pruneAt.pollDue(watermarkMs); due; due = this.pruneAt.pollDue(watermarkMs)) {
      for (const key of due.values) this.versions.prune(key, watermarkMs);
    }
    this.out.flush(this.output, this.metrics);
    this.output.emitWatermark(watermarkMs);
  }

  finish(): void {}

  // The left row joined with the version valid at its time, padded, or undefined when INNER finds none.
  private join(row: Row, time: number): Row | undefined {
    const nullKey = this.config.leftKeys.some((k) => row[k] === null);
    const version = nullKey ? null : this.versions.asOf(this.keyOf[0](row), time);
    if (version) {
      const joined = row.concat(version);
      if (!this.condition || this.condition(joined)) return joined;
    }
    return this.config.joinType === 'LEFT' ? row.concat(this.nulls) : undefined;
  }
}

export const createTemporalJoin: OperatorFactory = (operator, context, output, metrics) => new TemporalJoin(operator.config as TemporalJoinConfig, context, output, metrics, operator.id);
