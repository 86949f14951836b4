import type { IntervalJoinConfig } from '../../plan/logical-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { INSERT, type Row, type RowBatch } from '../../runtime/row';
import { MAX_WATERMARK } from '../../runtime/watermark-generator';
import type { StateKey } from '../../runtime/state-backend';
import { StateValue } from '../../runtime/state-value';
import { IntervalJoinSide } from './interval-join-side';
import { compileCondition, type Condition } from './join';

/**
 * An event-time interval join (plan kind `interval_join`), Flink's TimeIntervalJoin: rows of both
 * insert-only inputs are kept per join key; a left row at `l` joins right rows at `r` with
 * `lowerMs <= l - r <= upperMs`, whichever arrives second emitting the +I. Once the watermark
 * passes the last time a row could still find a partner (`l - lowerMs` for a left row,
 * `r + upperMs` for a right one) the row leaves state; an outer side (LEFT, RIGHT, FULL) then emits
 * it padded with NULLs if it never joined. A row already past that time on arrival joins what is
 * stored and is not kept. The output is insert-only. Both time attributes survive, so the output
 * watermark is held back by the larger of the two bounds, as Flink's
 * KeyedCoProcessOperatorWithWatermarkDelay does.
 */
export class IntervalJoin implements StreamOperator {
  private readonly sides: [IntervalJoinSide, IntervalJoinSide];
  private readonly keyOf: [KeySelector, KeySelector];
  private readonly times: [number, number];
  private readonly outer: [boolean, boolean];
  private readonly nulls: [Row, Row];
  private readonly condition: Condition | undefined;
  private readonly delayMs: number;
  private readonly watermark: StateValue<number>;
  private readonly out = new ChangelogCollector(false);

  constructor(
    private readonly config: IntervalJoinConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    const namespace = `interval_join:${operatorId}`;
    this.watermark = new StateValue(context.state, `${namespace}:watermark`, Number.NEGATIVE_INFINITY);
    const { joinType } = config;
    this.outer = [joinType === 'LEFT' || joinType === 'FULL', joinType === 'RIGHT' || joinType === 'FULL'];
    this.sides = [
      new IntervalJoinSide(context.state, `${namespace}:left`, config.leftTime, -config.lowerMs, this.outer[0]),
      new IntervalJoinSide(context.state, `${namespace}:right`, config.rightTime, config.upperMs, this.outer[1]),
    ];
    this.keyOf = [compileKeySelector(config.leftKeys), compileKeySelector(config.rightKeys)];
    this.times = [config.leftTime, config.rightTime];
    // nulls[side]: what pads a row of `side`, the width of the other side.
    this.nulls = [new Array(config.fields.length - config.leftWidth).fill(null), new Array(config.leftWidth).fill(null)];
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
    this.watermark.set(watermarkMs);
    for (let side = 0; side < 2; side++) {
      const padOnExpiry = this.outer[side];
      this.sides[side].expire(watermarkMs, (row, matched) => {
        if (padOnExpiry && !matched) this.out.push(this.padded(side, row), INSERT);
      });
    }
    this.flush();
    this.output.emitWatermark(watermarkMs === MAX_WATERMARK ? watermarkMs : watermarkMs - this.delayMs);
  }

  finish(): void {}

  private process(side: number, batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const keys = side === 0 ? this.config.leftKeys : this.config.rightKeys;
    const own = this.sides[side];
    const watermark = this.watermark.get();
    for (const row of batch) {
      const time = row[this.times[side]] as number | null;
      if (time === null || keys.some((k) => row[k] === null)) {
        // It can never join: an outer side shows it padded at once, an inner side drops it.
        if (this.outer[side]) this.out.push(this.padded(side, row), INSERT);
        continue;
      }
      const key = this.keyOf[side](row);
      const matched = this.join(side, key, row, time);
      if (own.lastPartner(time) > watermark) own.add(key, row, matched);
      else if (!matched && this.outer[side]) this.out.push(this.padded(side, row), INSERT);
    }
    this.flush();
  }

  // Emits the joins of `row` with the stored rows of the other side in its bounds; true when there was one.
  private join(side: number, key: StateKey, row: Row, time: number): boolean {
    const { lowerMs, upperMs } = this.config;
    // lowerMs <= left time - right time <= upperMs, solved for the other side's time.
    const [from, to] = side === 0 ? [time - upperMs, time - lowerMs] : [time + lowerMs, time + upperMs];
    return this.sides[1 - side].match(key, from, to, (other) => {
      const joined = side === 0 ? row.concat(other) : other.concat(row);
      if (this.condition && !this.condition(joined)) return false;
      this.out.push(joined, INSERT);
      return true;
    });
  }

  private padded(side: number, row: Row): Row {
    return side === 0 ? row.concat(this.nulls[0]) : this.nulls[1].concat(row);
  }

  private flush(): void {
    this.out.flush(this.output, this.metrics);
  }
}

export const createIntervalJoin: OperatorFactory = (operator, context, output, metrics) => new IntervalJoin(operator.config as IntervalJoinConfig, context, output, metrics, operator.id);
