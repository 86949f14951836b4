import type { IntervalJoinConfig } from '../../plan/logical-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { Row, RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { MAX_WATERMARK } from '../../runtime/watermark-generator';
import { compileCondition, type Condition } from './join';

/**
 * An event-time interval join (plan kind `interval_join`), Flink's TimeIntervalJoin: rows of both
 * insert-only inputs are kept per join key; a left row at `l` joins right rows at `r` with
 * `lowerMs <= l - r <= upperMs`, whichever arrives second emitting the +I. Once the watermark
 * passes the last time a row could still find a partner (`l - lowerMs` for a left row,
 * `r + upperMs` for a right one) the row leaves state; a row already past it on arrival joins what
 * is stored but is not kept. Both time attributes survive, so the output watermark is held back by
 * the larger of the two bounds, as Flink's KeyedCoProcessOperatorWithWatermarkDelay does.
 */
export class IntervalJoin implements StreamOperator {
  private readonly sides: [Map<StateKey, Row[]>, Map<StateKey, Row[]>];
  private readonly keyOf: [KeySelector, KeySelector];
  private readonly condition: Condition | undefined;
  private readonly delayMs: number;
  private watermark = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly config: IntervalJoinConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.sides = [context.state.namespace(`interval_join:${operatorId}:left`), context.state.namespace(`interval_join:${operatorId}:right`)];
    this.keyOf = [compileKeySelector(config.leftKeys), compileKeySelector(config.rightKeys)];
    this.condition = config.condition ? compileCondition(config.condition) : undefined;
    this.delayMs = Math.max(0, -config.lowerMs, config.upperMs);
  }

  processBatch(batch: RowBatch): void {
    this.process(0, batch);
  }

  processInput(input: number, batch: RowBatch): void {
    this.process(input, batch);
  }

  processWatermark(watermarkMs: number): void {
    this.watermark = watermarkMs;
    for (let side = 0; side < 2; side++) {
      for (const [key, rows] of this.sides[side]) {
        const kept = rows.filter((row) => !this.expired(side, row));
        if (kept.length === 0) this.sides[side].delete(key);
        else if (kept.length !== rows.length) this.sides[side].set(key, kept);
      }
    }
    this.output.emitWatermark(watermarkMs === MAX_WATERMARK ? watermarkMs : watermarkMs - this.delayMs);
  }

  finish(): void {}

  private process(side: number, batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const { leftKeys, rightKeys, leftTime, rightTime, lowerMs, upperMs } = this.config;
    const keys = side === 0 ? leftKeys : rightKeys;
    const out: RowBatch = [];
    for (const row of batch) {
      const time = row[side === 0 ? leftTime : rightTime] as number | null;
      if (time === null || keys.some((k) => row[k] === null)) continue;
      const key = this.keyOf[side](row);
      for (const other of this.sides[1 - side].get(key) ?? []) {
        const otherTime = other[side === 0 ? rightTime : leftTime] as number;
        const diff = side === 0 ? time - otherTime : otherTime - time;
        if (diff < lowerMs || diff > upperMs) continue;
        const joined = side === 0 ? row.concat(other) : other.concat(row);
        if (!this.condition || this.condition(joined)) out.push(joined);
      }
      if (this.expired(side, row)) continue;
      const stored = this.sides[side].get(key);
      if (stored) stored.push(row);
      else this.sides[side].set(key, [row]);
    }
    if (out.length === 0) return;
    this.metrics.recordsOut += out.length;
    this.output.emit(out);
  }

  // No row of the other side still to come (time above the watermark) can join it.
  private expired(side: number, row: Row): boolean {
    const config = this.config;
    const lastPartner = side === 0 ? (row[config.leftTime] as number) - config.lowerMs : (row[config.rightTime] as number) + config.upperMs;
    return lastPartner <= this.watermark;
  }
}

export const createIntervalJoin: OperatorFactory = (operator, context, output, metrics) => new IntervalJoin(operator.config as IntervalJoinConfig, context, output, metrics, operator.id);
