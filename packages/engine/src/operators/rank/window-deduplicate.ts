import type { WindowDeduplicateConfig } from '../../plan/window-plan';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { INSERT, type Row, type RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { FiredWindows } from '../window/fired-windows';

/**
 * Window deduplication (plan kind `window_deduplicate`), Flink's RowTimeWindowDeduplicateOperator:
 * per window end and key the state holds one row, replaced by a row that is at least as late
 * (keep-last) or strictly earlier (keep-first), so out-of-order input still keeps the latest or
 * earliest row. When the watermark passes the window's end the kept rows are emitted once as +I
 * and the window's state dropped. Rows of a window that already fired are late: dropped and counted.
 */
export class WindowDeduplicate implements StreamOperator {
  private readonly windows: FiredWindows<Map<StateKey, Row>>;
  private readonly keyOf: KeySelector;
  private readonly out = new ChangelogCollector(false);
  private readonly fire = (_end: number, kept: Map<StateKey, Row>): void => {
    for (const row of kept.values()) this.out.push(row, INSERT);
  };

  constructor(
    private readonly config: WindowDeduplicateConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.windows = new FiredWindows(context.state, `window_deduplicate:${operatorId}`, () => new Map());
    this.keyOf = compileKeySelector(config.keys);
    this.metrics.lateRecordsDropped ??= 0;
  }

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const { windowEnd, timeIndex, keepLast } = this.config;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const end = row[windowEnd] as number;
      const kept = this.windows.stateOf(end);
      if (kept === undefined) {
        (this.metrics.lateRecordsDropped as number)++;
        continue;
      }
      const key = this.keyOf(row);
      const previous = kept.get(key);
      const time = row[timeIndex] as number;
      if (previous === undefined || (keepLast ? time >= (previous[timeIndex] as number) : time < (previous[timeIndex] as number))) kept.set(key, row);
    }
  }

  processWatermark(watermarkMs: number): void {
    this.windows.advance(watermarkMs, this.fire);
    this.out.flush(this.output, this.metrics);
    this.output.emitWatermark(watermarkMs);
  }

  finish(): void {}
}

export const createWindowDeduplicate: OperatorFactory = (operator, context, output, metrics) => new WindowDeduplicate(operator.config as WindowDeduplicateConfig, context, output, metrics, operator.id);
