import type { WindowRankConfig } from '../../plan/window-plan';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { INSERT, type Row, type RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { FiredWindows } from '../window/fired-windows';
import { compileRowComparator, type RowComparator } from './sort-comparator';
import { rankAt, topSize, upperBound } from './top-n-buffer';

/**
 * Window Top-N (plan kind `window_rank`), Flink's WindowRankOperator: per window end and partition
 * key the state holds the rows within the top N so far, sorted by the ORDER BY (ties in arrival
 * order); a row ranked below N is dropped on arrival, since input is append-only. When the
 * watermark passes the window's end its top N is emitted once as +I (with the rank when selected)
 * and its state dropped. Rows of a window that already fired are late: dropped and counted.
 */
export class WindowRank implements StreamOperator {
  private readonly windows: FiredWindows<Map<StateKey, Row[]>>;
  private readonly keyOf: KeySelector;
  private readonly compare: RowComparator;
  private readonly out = new ChangelogCollector(false);
  /** Ranks of the partition being emitted (reused across partitions). */
  private readonly ranks: number[] = [];
  private readonly fire = (_end: number, partitions: Map<StateKey, Row[]>): void => this.emitWindow(partitions);

  constructor(
    private readonly config: WindowRankConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.windows = new FiredWindows(context.state, `window_rank:${operatorId}`, () => new Map());
    this.keyOf = compileKeySelector(config.keys);
    this.compare = compileRowComparator(config.sortKeys);
    this.metrics.lateRecordsDropped ??= 0;
  }

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const { rankType, rankEnd, windowEnd } = this.config;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const end = row[windowEnd] as number;
      const partitions = this.windows.stateOf(end);
      if (partitions === undefined) {
        (this.metrics.lateRecordsDropped as number)++;
        continue;
      }
      const key = this.keyOf(row);
      let rows = partitions.get(key);
      if (rows === undefined) {
        rows = [];
        partitions.set(key, rows);
      }
      const position = upperBound(rows, row, this.compare);
      if (rankAt(rankType, rows, position, row, this.compare) > rankEnd) continue;
      rows.splice(position, 0, row);
      rows.length = topSize(rankType, rankEnd, rows, this.compare, this.ranks);
    }
  }

  processWatermark(watermarkMs: number): void {
    this.windows.advance(watermarkMs, this.fire);
    this.out.flush(this.output, this.metrics);
    this.output.emitWatermark(watermarkMs);
  }

  finish(): void {}

  private emitWindow(partitions: Map<StateKey, Row[]>): void {
    const { rankType, rankEnd, outputRankNumber } = this.config;
    for (const rows of partitions.values()) {
      const size = outputRankNumber ? topSize(rankType, rankEnd, rows, this.compare, this.ranks) : rows.length;
      for (let i = 0; i < size; i++) {
        if (!outputRankNumber) {
          this.out.push(rows[i], INSERT);
          continue;
        }
        const ranked = rows[i].slice();
        ranked.push(this.ranks[i]);
        this.out.push(ranked, INSERT);
      }
    }
  }
}

export const createWindowRank: OperatorFactory = (operator, context, output, metrics) => new WindowRank(operator.config as WindowRankConfig, context, output, metrics, operator.id);
