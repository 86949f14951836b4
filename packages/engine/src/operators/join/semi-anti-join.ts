import type { SemiAntiJoinConfig } from '../../plan/logical-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { DELETE, INSERT, isAccumulate, type Row, type RowBatch, type RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { compileCondition, joinSide, type Condition } from './join';
import type { JoinRecord, JoinSideState } from './join-side-state';
import { stateTtlMs } from '../../runtime/state-ttl';
import { ChangelogCollector } from '../../runtime/changelog-collector';

/**
 * Semi and anti joins (plan kinds `semi_join` / `anti_join`; `IN`/`EXISTS` and `NOT IN`/`NOT
 * EXISTS` subqueries), Flink's StreamingSemiAntiJoinOperator: both inputs are kept by key and each
 * left row counts the right rows it matches (`associations`). A semi join emits a left row while its
 * count is above zero (+I when it goes 0 → 1, -D when it drops back), an anti join while it is
 * zero. Only left columns are emitted. NULL keys never match (SQL equality); NOT IN over nullable
 * columns has no keys and a null-aware condition instead, so it compares every pair.
 */
export class SemiAntiJoin implements StreamOperator {
  private readonly left: JoinSideState;
  private readonly right: JoinSideState;
  private readonly keyOf: [KeySelector, KeySelector];
  private readonly condition: Condition | undefined;
  private readonly out: ChangelogCollector;
  private readonly expires: boolean;

  constructor(
    private readonly config: SemiAntiJoinConfig,
    private readonly anti: boolean,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.left = joinSide(context, `semi_anti_join:${operatorId}:left`, config.leftHasUpdates);
    this.right = joinSide(context, `semi_anti_join:${operatorId}:right`, config.rightHasUpdates);
    this.expires = stateTtlMs(context.config) !== undefined;
    this.keyOf = [compileKeySelector(config.leftKeys), compileKeySelector(config.rightKeys)];
    this.condition = config.condition ? compileCondition(config.condition) : undefined;
    // A right row arriving can withdraw an emitted left row from an anti join, so it always updates.
    this.out = new ChangelogCollector(anti || config.leftHasUpdates || config.rightHasUpdates);
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.processLeft(batch, kinds);
  }

  processInput(input: number, batch: RowBatch, kinds?: RowKinds): void {
    if (input === 0) this.processLeft(batch, kinds);
    else this.processRight(batch, kinds);
  }

  finish(): void {}

  /** Drops both sides' keys idle for `table.exec.state.ttl`, before a batch is handled. */
  private expireIdle(): void {
    if (!this.expires) return;
    const now = this.context.now();
    this.left.expireIdle(now);
    this.right.expireIdle(now);
  }

  private processLeft(batch: RowBatch, kinds: RowKinds | undefined): void {
    this.metrics.recordsIn += batch.length;
    this.expireIdle();
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const accumulate = kinds === undefined || isAccumulate(kinds[i]);
      if (hasNullKey(row, this.config.leftKeys)) {
        if (this.anti) this.out.push(row, accumulate ? INSERT : DELETE);
        continue;
      }
      const key = this.keyOf[0](row);
      if (accumulate) {
        const record = this.left.add(key, row);
        if (record.count === 1) record.associations = this.countMatches(key, row);
        if ((record.associations > 0) !== this.anti) this.out.push(row, INSERT);
      } else {
        const record = this.left.remove(key, row);
        if (record && (record.associations > 0) !== this.anti) this.out.push(row, DELETE);
      }
    }
    this.out.flush(this.output, this.metrics);
  }

  private processRight(batch: RowBatch, kinds: RowKinds | undefined): void {
    this.metrics.recordsIn += batch.length;
    this.expireIdle();
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      if (hasNullKey(row, this.config.rightKeys)) continue;
      const key = this.keyOf[1](row);
      const accumulate = kinds === undefined || isAccumulate(kinds[i]);
      if (accumulate) this.right.add(key, row);
      else if (!this.right.remove(key, row)) continue;
      for (const record of this.matchingLeft(key, row)) {
        if (accumulate && record.associations++ === 0) this.out.pushTimes(record.row, this.anti ? DELETE : INSERT, record.count);
        if (!accumulate && --record.associations === 0) this.out.pushTimes(record.row, this.anti ? INSERT : DELETE, record.count);
      }
    }
    this.out.flush(this.output, this.metrics);
  }

  private countMatches(key: StateKey, left: Row): number {
    let count = 0;
    for (const record of this.right.records(key)) if (!this.condition || this.condition(left.concat(record.row))) count += record.count;
    return count;
  }

  private matchingLeft(key: StateKey, right: Row): JoinRecord[] {
    const found: JoinRecord[] = [];
    for (const record of this.left.records(key)) if (!this.condition || this.condition(record.row.concat(right))) found.push(record);
    return found;
  }
}

function hasNullKey(row: Row, keys: number[]): boolean {
  for (let k = 0; k < keys.length; k++) if (row[keys[k]] === null) return true;
  return false;
}

export const createSemiJoin: OperatorFactory = (operator, context, output, metrics) => new SemiAntiJoin(operator.config as SemiAntiJoinConfig, false, context, output, metrics, operator.id);
export const createAntiJoin: OperatorFactory = (operator, context, output, metrics) => new SemiAntiJoin(operator.config as SemiAntiJoinConfig, true, context, output, metrics, operator.id);
