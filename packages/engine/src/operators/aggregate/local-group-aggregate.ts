import type { LocalGroupAggregateConfig } from '../../plan/logical-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { Row, RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { parseDurationMs } from '../../runtime/watermark-generator';
import { compileAggsHandler, type Accumulator, type AggsHandler } from './aggs-handler';

/**
 * The local phase of a two-phase aggregate (plan kind `local_group_aggregate`), Flink's
 * MiniBatchLocalGroupAggFunction: rows of a mini-batch are folded into one accumulator per key and
 * sent on as [keys, accumulator] when the mini-batch ends (size, allow-latency, a watermark or end
 * of input). Like Flink's bundle, the buffer is not state: it is always flushed before a watermark.
 */
export class LocalGroupAggregate implements StreamOperator {
  private readonly handler: AggsHandler;
  private readonly keyOf: KeySelector;
  private readonly maxRows: number;
  private readonly latencyMs: number;
  private bundle = new Map<StateKey, Row>();
  private buffered = 0;
  private firstAtMs = 0;

  constructor(
    private readonly config: LocalGroupAggregateConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
  ) {
    this.handler = compileAggsHandler(config.aggs, false);
    this.keyOf = compileKeySelector(config.keys);
    const size = Number(context.config['table.exec.mini-batch.size'] ?? '-1');
    this.maxRows = size > 0 ? size : Number.POSITIVE_INFINITY;
    this.latencyMs = parseDurationMs(context.config['table.exec.mini-batch.allow-latency'] ?? '0') ?? 0;
  }

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    if (this.buffered === 0) this.firstAtMs = Date.now();
    const keys = this.config.keys;
    const width = keys.length;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const key = this.keyOf(row);
      let partial = this.bundle.get(key);
      if (partial === undefined) {
        partial = new Array(width + 1);
        for (let k = 0; k < width; k++) partial[k] = row[keys[k]];
        partial[width] = this.handler.create();
        this.bundle.set(key, partial);
      }
      this.handler.accumulate(partial[width] as Accumulator, row);
    }
    this.buffered += batch.length;
    if (this.buffered >= this.maxRows || Date.now() - this.firstAtMs >= this.latencyMs) this.flush();
  }

  processWatermark(watermarkMs: number): void {
    this.flush();
    this.output.emitWatermark(watermarkMs);
  }

  onProcessingTime(nowMs: number): void {
    if (this.buffered > 0 && nowMs - this.firstAtMs >= this.latencyMs) this.flush();
  }

  finish(): void {
    this.flush();
  }

  prepareSnapshot(): void {
    this.flush();
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const rows = [...this.bundle.values()];
    this.bundle = new Map();
    this.buffered = 0;
    this.metrics.recordsOut += rows.length;
    this.output.emit(rows);
  }
}

export const createLocalGroupAggregate: OperatorFactory = (operator, context, output, metrics) =>
  new LocalGroupAggregate(operator.config as LocalGroupAggregateConfig, context, output, metrics);
