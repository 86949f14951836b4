import type { CalcConfig } from '../../plan/logical-plan';
import { compileCalc, type CalcFunction } from '../../runtime/compile-calc';
import type { OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { RowBatch } from '../../runtime/row';

/** Projection and filter in one generated function (plan kind `calc`). */
export class CalcOperator implements StreamOperator {
  private readonly fn: CalcFunction;

  constructor(
    config: CalcConfig,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
  ) {
    this.fn = compileCalc(config);
  }

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const result = this.fn(batch);
    if (result.length === 0) return;
    this.metrics.recordsOut += result.length;
    this.output.emit(result);
  }

  finish(): void {}
}

export const createCalcOperator: OperatorFactory = (operator, _context, output, metrics) => new CalcOperator(operator.config as CalcConfig, output, metrics);
