import type { ExpandConfig } from '../../plan/logical-plan';
import type { OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { RowBatch, RowKinds } from '../../runtime/row';
import { compileCalc, type CalcFunction } from '../../runtime/compile-calc';

/**
 * GROUPING SETS, ROLLUP and CUBE (plan kind `expand`): each input row is emitted once per grouping
 * set, with the columns outside the set nulled and the set's id in the last column, as Flink's Expand.
 */
export class Expand implements StreamOperator {
  private readonly projections: CalcFunction[];

  constructor(
    config: ExpandConfig,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
  ) {
    this.projections = config.projections.map((projection) => compileCalc({ projection, filter: null, fields: config.fields }));
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    const rows: RowBatch = [];
    const outKinds: RowKinds | undefined = kinds ? [] : undefined;
    const parts = this.projections.map((fn) => fn(batch));
    for (let i = 0; i < batch.length; i++) {
      for (const part of parts) {
        rows.push(part[i]);
        if (outKinds && kinds) outKinds.push(kinds[i]);
      }
    }
    this.metrics.recordsOut += rows.length;
    if (rows.length > 0) this.output.emit(rows, outKinds);
  }

  finish(): void {}
}

export const createExpand: OperatorFactory = (operator, _context, output, metrics) => new Expand(operator.config as ExpandConfig, output, metrics);
