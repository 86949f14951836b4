import type { CalcConfig } from '../../plan/logical-plan';
import { compileCalc, type CalcFunction } from '../../runtime/compile-calc';
import type { OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { RowBatch, RowKinds } from '../../runtime/row';
import { compileChangelogCalc, type ChangelogCalcFunction } from './compile-changelog-calc';

/** Projection and filter in one generated function (plan kind `calc`). */
export class CalcOperator implements StreamOperator {
  private readonly fn: CalcFunction;
  private changelogFn: ChangelogCalcFunction | undefined;

  constructor(
    private readonly config: CalcConfig,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
  ) {
    this.fn = compileCalc(config);
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    let result: RowBatch;
    let outKinds = kinds;
    if (kinds && this.config.filter) {
      this.changelogFn ??= compileChangelogCalc(this.config);
      outKinds = [];
      result = this.changelogFn(batch, kinds, outKinds);
    } else {
      result = this.fn(batch);
    }
    if (result.length === 0) return;
    this.metrics.recordsOut += result.length;
    this.output.emit(result, outKinds);
  }

  finish(): void {}
}

export const createCalcOperator: OperatorFactory = (operator, _context, output, metrics) => new CalcOperator(operator.config as CalcConfig, output, metrics);
