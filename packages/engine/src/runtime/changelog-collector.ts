import type { Output, OperatorMetrics } from './operator';
import type { Row, RowBatch, RowKinds } from './row';

/**
 * Gathers the rows a stateful operator produces while it handles one input batch, with their
 * kinds when its output carries updates, and sends them downstream as one batch on flush.
 */
export class ChangelogCollector {
  private rows: RowBatch = [];
  private kinds: RowKinds = [];

  /** `withKinds` false: an insert-only output, whose batches carry no kinds array. */
  constructor(private readonly withKinds: boolean) {}

  push(row: Row, kind: number): void {
    this.rows.push(row);
    if (this.withKinds) this.kinds.push(kind);
  }

  /** Pushes `row` `times` times (a row held with a multiplicity). */
  pushTimes(row: Row, kind: number, times: number): void {
    for (let c = 0; c < times; c++) this.push(row, kind);
  }

  /** Emits what was gathered, if anything, and counts it as the operator's output. */
  flush(output: Output, metrics: OperatorMetrics): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    const kinds = this.withKinds ? this.kinds : undefined;
    this.rows = [];
    this.kinds = [];
    metrics.recordsOut += rows.length;
    output.emit(rows, kinds);
  }
}
