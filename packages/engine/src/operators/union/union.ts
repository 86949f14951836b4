import type { OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { RowBatch, RowKinds } from '../../runtime/row';

/** UNION ALL (plan kind `union`): every input's rows pass through; the runner merges the inputs' watermarks. */
export class Union implements StreamOperator {
  constructor(
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
  ) {}

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    this.metrics.recordsOut += batch.length;
    this.output.emit(batch, kinds);
  }

  finish(): void {}
}

export const createUnion: OperatorFactory = (_operator, _context, output, metrics) => new Union(output, metrics);
