import type { OverAggregateConfig } from '../../plan/over-plan';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { Row, RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { TimerHeap } from '../../runtime/timer-heap';
import { compileAggsHandler } from '../aggregate/aggs-handler';
import { OverFrameEvaluator, type OverPartition } from './over-frame';

/**
 * OVER aggregation (plan kind `over_aggregate`), Flink's over process functions: one output row
 * per input row, the row followed by the aggregates over its frame, insert-only.
 *
 * Event time: rows wait in their partition's state, sorted by rowtime, until the watermark passes
 * it; rows at or behind the watermark on arrival are late, dropped and counted. Processing time:
 * ROWS frames and unbounded frames emit each row on arrival (ProcTimeRowsBoundedPrecedingFunction,
 * ProcTimeUnboundedPrecedingFunction); a bounded RANGE frame holds the rows of one millisecond
 * until the clock passes it, so they are peers (ProcTimeRangeBoundedPrecedingFunction). Bounded
 * frames retract rows as they leave; a RANGE partition whose rows no later row can see leaves state.
 */
export class OverAggregate implements StreamOperator {
  private readonly keyOf: KeySelector;
  private readonly evaluator: OverFrameEvaluator;
  private readonly partitions: Map<StateKey, OverPartition>;
  /** Timer times, and per time the partitions to visit then. */
  private readonly timers: TimerHeap;
  private readonly due: Map<StateKey, StateKey[]>;
  /** Key 0: the watermark (event time) or clock (processing time) timers last fired for. */
  private readonly clock: Map<StateKey, number>;
  private readonly eventTime: boolean;
  /** Whether rows wait for their time to pass before they are evaluated. */
  private readonly buffered: boolean;
  /** A bounded RANGE frame: its partitions expire once no later row can reach back to them. */
  private readonly expiring: boolean;
  /** Timers fire at time + lag: a processing-time millisecond is complete once the clock is past it. */
  private readonly lag: number;
  private readonly out = new ChangelogCollector(false);

  constructor(
    private readonly config: OverAggregateConfig,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    const { frame } = config;
    this.keyOf = compileKeySelector(config.keys);
    this.evaluator = new OverFrameEvaluator(frame, compileAggsHandler(config.aggs, frame.preceding !== null), config.aggs.length, this.out);
    const state = context.state;
    this.partitions = state.namespace(`over_aggregate:${operatorId}:partitions`);
    const timerState = state.namespace<number[]>(`over_aggregate:${operatorId}:timers`);
    this.timers = new TimerHeap(timerState);
    this.due = state.namespace(`over_aggregate:${operatorId}:due`);
    this.clock = state.namespace(`over_aggregate:${operatorId}:clock`);
    this.eventTime = config.timeAttribute === 'rowtime';
    this.buffered = this.eventTime || (frame.unit === 'RANGE' && frame.preceding !== null);
    this.expiring = frame.unit === 'RANGE' && frame.preceding !== null;
    this.lag = this.eventTime ? 0 : 1;
    if (this.eventTime) this.metrics.lateRecordsDropped ??= 0;
  }

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    if (this.eventTime) this.bufferRowtime(batch);
    else if (this.buffered) this.bufferProctime(batch, this.context.now());
    else this.evaluateOnArrival(batch, this.context.now());
    this.out.flush(this.output, this.metrics);
  }

  private bufferRowtime(batch: RowBatch): void {
    const timeIndex = this.config.timeIndex;
    const watermark = this.clock.get(0) ?? Number.NEGATIVE_INFINITY;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const time = row[timeIndex] as number | null;
      // Flink's over functions skip rows without a rowtime.
      if (time === null) continue;
      if (time <= watermark) (this.metrics.lateRecordsDropped as number)++;
      else this.buffer(row, time);
    }
  }

  private bufferProctime(batch: RowBatch, now: number): void {
    for (let i = 0; i < batch.length; i++) this.buffer(batch[i], now);
  }

  private evaluateOnArrival(batch: RowBatch, now: number): void {
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      this.evaluator.evaluateOne(this.partitionOf(this.keyOf(row)), row, now);
    }
  }

  private partitionOf(key: StateKey): OverPartition {
    let partition = this.partitions.get(key);
    if (!partition) {
      partition = this.evaluator.createPartition();
      this.partitions.set(key, partition);
    }
    return partition;
  }

  // Inserts after the rows of the same or an earlier time; the first row of a time sets its timer.
  private buffer(row: Row, time: number): void {
    const key = this.keyOf(row);
    const partition = this.partitionOf(key);
    const { pendingRows, pendingTimes } = partition;
    let at = pendingTimes.length;
    while (at > 0 && pendingTimes[at - 1] > time) at--;
    if (at === pendingTimes.length) {
      pendingRows.push(row);
      pendingTimes.push(time);
    } else {
      pendingRows.splice(at, 0, row);
      pendingTimes.splice(at, 0, time);
    }
    if (at === 0 || pendingTimes[at - 1] !== time) this.schedule(time + this.lag, key);
  }

  private schedule(time: number, key: StateKey): void {
    const keys = this.due.get(time);
    if (keys) {
      keys.push(key);
      return;
    }
    this.due.set(time, [key]);
    this.timers.push(time);
  }

  processWatermark(watermarkMs: number): void {
    if (this.eventTime) this.advance(watermarkMs);
    this.output.emitWatermark(watermarkMs);
  }

  onProcessingTime(nowMs: number): void {
    if (!this.eventTime && this.buffered) this.advance(nowMs);
  }

  // A processing-time millisecond still open at end of input gets no more rows, so its rows are
  // complete and are emitted (Flink would drop them with its unfired timers).
  finish(): void {
    if (!this.eventTime && this.buffered) this.advance(Number.POSITIVE_INFINITY);
    this.out.flush(this.output, this.metrics);
  }

  /** Fires every timer at or before `time`, in order of time, then emits what they produced. */
  private advance(time: number): void {
    this.clock.set(0, time);
    while (this.timers.size > 0 && this.timers.peek() <= time) {
      const at = this.timers.pop();
      const keys = this.due.get(at) as StateKey[];
      this.due.delete(at);
      for (let i = 0; i < keys.length; i++) this.fire(keys[i], at);
    }
    this.out.flush(this.output, this.metrics);
  }

  // Evaluates a partition's rows whose time has passed; drops the partition once its frame expired.
  private fire(key: StateKey, at: number): void {
    const partition = this.partitions.get(key);
    if (!partition) return;
    const { pendingRows, pendingTimes } = partition;
    let ready = 0;
    while (ready < pendingTimes.length && pendingTimes[ready] + this.lag <= at) ready++;
    if (ready === 0) {
      if (at === partition.expiryTimer) this.expire(key, partition, at);
      return;
    }
    this.evaluator.evaluate(partition, pendingRows, pendingTimes, 0, ready);
    const last = pendingTimes[ready - 1];
    pendingRows.splice(0, ready);
    pendingTimes.splice(0, ready);
    if (this.expiring) {
      partition.expiresAt = last + (this.config.frame.preceding as number) + this.lag;
      if (partition.expiryTimer === Number.POSITIVE_INFINITY) this.scheduleExpiry(key, partition, partition.expiresAt);
    }
  }

  // A partition keeps one expiry timer; when it fires early (rows came since), it moves to the new expiry.
  private expire(key: StateKey, partition: OverPartition, at: number): void {
    partition.expiryTimer = Number.POSITIVE_INFINITY;
    if (partition.pendingRows.length > 0) return;
    if (partition.expiresAt <= at) this.partitions.delete(key);
    else this.scheduleExpiry(key, partition, partition.expiresAt);
  }

  private scheduleExpiry(key: StateKey, partition: OverPartition, at: number): void {
    partition.expiryTimer = at;
    this.schedule(at, key);
  }
}

export const createOverAggregate: OperatorFactory = (operator, context, output, metrics) => new OverAggregate(operator.config as OverAggregateConfig, context, output, metrics, operator.id);
