import type { DeduplicateConfig } from '../../plan/rank-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row, type RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { StateTtl } from '../../runtime/state-ttl';

/**
 * Deduplication (plan kind `deduplicate`), Flink's Deduplicate functions. Keep-first on processing
 * time emits the first row per key and nothing after (insert-only). Keep-last emits +I for the
 * first row, then -U kept / +U new for each later one. On event time the kept row is replaced only
 * by a row that is at least as late (keep-last) or strictly earlier (keep-first), so out-of-order
 * input still keeps the latest or earliest row.
 */
export class Deduplicate implements StreamOperator {
  private readonly keyOf: KeySelector;
  private readonly kept: Map<StateKey, Row>;
  /** Keep-first on processing time: the first row is final, so the output has no updates. */
  private readonly insertOnly: boolean;
  private readonly out: ChangelogCollector;
  /**
   * `table.exec.state.ttl`, counted from the last write as Flink's OnCreateAndWrite: a keep-first
   * key is written once, so after the TTL the next row of that key is emitted as a first row again.
   */
  private readonly ttl: StateTtl | undefined;

  constructor(
    private readonly config: DeduplicateConfig,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.keyOf = compileKeySelector(config.keys);
    this.kept = context.state.namespace<Row>(`deduplicate:${operatorId}`);
    this.insertOnly = !config.keepLast && config.timeAttribute === 'proctime';
    this.out = new ChangelogCollector(!this.insertOnly);
    this.ttl = StateTtl.of(context.state, `deduplicate:${operatorId}`, context.config);
  }

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const ttl = this.ttl;
    const now = ttl ? this.context.now() : 0;
    ttl?.expire(now);
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const key = this.keyOf(row);
      const previous = this.kept.get(key);
      if (previous === undefined) {
        this.kept.set(key, row);
        ttl?.touch(key, now);
        this.out.push(row, INSERT);
      } else if (this.replaces(previous, row)) {
        this.kept.set(key, row);
        ttl?.touch(key, now);
        if (this.config.generateUpdateBefore) this.out.push(previous, UPDATE_BEFORE);
        this.out.push(row, UPDATE_AFTER);
      }
    }
    this.out.flush(this.output, this.metrics);
  }

  private replaces(previous: Row, row: Row): boolean {
    if (this.insertOnly) return false;
    if (this.config.timeAttribute === 'proctime') return true;
    const time = this.config.timeIndex;
    return this.config.keepLast ? (row[time] as number) >= (previous[time] as number) : (row[time] as number) < (previous[time] as number);
  }

  finish(): void {}
}

export const createDeduplicate: OperatorFactory = (operator, context, output, metrics) => new Deduplicate(operator.config as DeduplicateConfig, context, output, metrics, operator.id);
