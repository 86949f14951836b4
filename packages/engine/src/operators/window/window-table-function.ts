import type { WindowTableFunctionConfig } from '../../plan/logical-plan';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { Row, RowBatch } from '../../runtime/row';
import { assignWindows } from './window-assigner';

/**
 * TUMBLE, HOP and CUMULATE read as tables (plan kind `window_table_function`): each row is emitted
 * once per window that holds it, with window_start, window_end and window_time (end - 1) appended.
 * Stateless; rows without a time value have no window and are skipped.
 */
export class WindowTableFunction implements StreamOperator {
  /** Scratch space for the windows of one row (start, end pairs). */
  private readonly assigned: number[] = [];

  constructor(
    private readonly config: WindowTableFunctionConfig,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
  ) {}

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const out: RowBatch = [];
    const eventTime = this.config.timeAttribute === 'rowtime';
    const now = eventTime ? 0 : this.context.now();
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const ts = eventTime ? (row[this.config.timeIndex] as number | null) : now;
      if (ts === null) continue;
      const count = assignWindows(this.config.window, ts, this.assigned);
      for (let w = 0; w < count; w++) {
        const windowed: Row = row.slice();
        windowed.push(this.assigned[2 * w], this.assigned[2 * w + 1], this.assigned[2 * w + 1] - 1);
        out.push(windowed);
      }
    }
    this.metrics.recordsOut += out.length;
    if (out.length > 0) this.output.emit(out);
  }

  finish(): void {}
}

export const createWindowTableFunction: OperatorFactory = (operator, context, output, metrics) =>
  new WindowTableFunction(operator.config as WindowTableFunctionConfig, context, output, metrics);
