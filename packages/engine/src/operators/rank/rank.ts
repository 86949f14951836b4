import type { RankConfig } from '../../plan/rank-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { DELETE, INSERT, isAccumulate, UPDATE_AFTER, UPDATE_BEFORE, type Row, type RowBatch, type RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { compileRowComparator, type RowComparator } from './sort-comparator';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { StateTtl } from '../../runtime/state-ttl';
import { rankAt, topSize, upperBound } from './top-n-buffer';

/**
 * Top-N (plan kind `rank`). Per partition key the state holds rows sorted by the ORDER BY, equal
 * sort keys in arrival order. Append-only input (Flink's AppendOnlyTopNFunction) keeps only the rows
 * inside the top N, since nothing can bring a dropped row back; updating input
 * (RetractableTopNFunction) keeps every row, because a retraction lets the next one move up.
 *
 * Each change compares the top before and after. With ROW_NUMBER and the rank column, the upsert key
 * is (partition, rank): each rank whose row changed emits -U old / +U new, a newly filled rank +I,
 * an emptied one -D. Otherwise rows are compared: a row leaving the top is -D, one entering +I, and
 * (RANK, DENSE_RANK with the rank column) one whose rank moved -U/+U. Deletes come first, except when
 * an insertion into a retractable Top-N evicts a row: Flink emits the new row's +I before that -D.
 */
export class Rank implements StreamOperator {
  private readonly keyOf: KeySelector;
  private readonly compare: RowComparator;
  private readonly sorted: Map<StateKey, Row[]>;
  private readonly rankEnd: number;
  private readonly slotChanges: boolean;
  /** The top before a change: its rows and their ranks (reused across rows). */
  private beforeRows: Row[] = [];
  private beforeRanks: number[] = [];
  private afterRanks: number[] = [];
  private readonly out: ChangelogCollector;
  /** `table.exec.state.ttl`: a partition not written for the TTL is dropped without output, as in Flink. */
  private readonly ttl: StateTtl | undefined;

  constructor(
    private readonly config: RankConfig,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.out = new ChangelogCollector(true);
    this.keyOf = compileKeySelector(config.keys);
    this.compare = compileRowComparator(config.sortKeys);
    this.sorted = context.state.namespace<Row[]>(`rank:${operatorId}`);
    this.rankEnd = config.rankEnd;
    this.slotChanges = config.rankType === 'ROW_NUMBER' && config.outputRankNumber;
    this.ttl = StateTtl.of(context.state, `rank:${operatorId}`, context.config);
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    const ttl = this.ttl;
    const now = ttl ? this.context.now() : 0;
    ttl?.expire(now);
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      if (kinds !== undefined && !isAccumulate(kinds[i])) this.retract(row);
      else this.insert(row);
      if (ttl) {
        const key = this.keyOf(row);
        if (this.sorted.has(key)) ttl.touch(key, now);
        else ttl.forget(key);
      }
    }
    this.out.flush(this.output, this.metrics);
  }

  private insert(row: Row): void {
    const key = this.keyOf(row);
    let rows = this.sorted.get(key);
    if (rows === undefined) {
      rows = [];
      this.sorted.set(key, rows);
    }
    const position = upperBound(rows, row, this.compare);
    if (rankAt(this.config.rankType, rows, position, row, this.compare) > this.rankEnd) {
      if (this.config.inputHasUpdates) rows.splice(position, 0, row);
      return;
    }
    const before = this.snapshot(rows);
    rows.splice(position, 0, row);
    const after = this.topSize(rows, this.afterRanks);
    if (!this.config.inputHasUpdates) rows.length = after;
    this.emitDiff(rows, before, after, !this.config.inputHasUpdates);
  }

  private retract(row: Row): void {
    const key = this.keyOf(row);
    const rows = this.sorted.get(key);
    if (rows === undefined) return;
    const index = this.indexOf(rows, row);
    if (index < 0) return;
    const before = this.snapshot(rows);
    rows.splice(index, 1);
    if (rows.length === 0) this.sorted.delete(key);
    const after = this.topSize(rows, this.afterRanks);
    this.emitDiff(rows, before, after, true);
  }

  /** Index of a row equal in every column to `row`, searched among its sort-key ties. */
  private indexOf(rows: Row[], row: Row): number {
    for (let i = upperBound(rows, row, this.compare) - 1; i >= 0 && this.compare(rows[i], row) === 0; i--) {
      if (sameValues(rows[i], row)) return i;
    }
    return -1;
  }

  /** How many leading rows are in the top N, writing their ranks into `ranks`. */
  private topSize(rows: Row[], ranks: number[]): number {
    return topSize(this.config.rankType, this.rankEnd, rows, this.compare, ranks);
  }

  /** Copies the current top into `beforeRows`/`beforeRanks` and returns its size. */
  private snapshot(rows: Row[]): number {
    const size = this.topSize(rows, this.beforeRanks);
    for (let i = 0; i < size; i++) this.beforeRows[i] = rows[i];
    return size;
  }

  private emitDiff(rows: Row[], before: number, after: number, deletesFirst: boolean): void {
    if (this.slotChanges) {
      this.emitSlotChanges(rows, before, after);
      return;
    }
    const old = this.beforeRows;
    if (deletesFirst) this.emitRemoved(rows, before, after);
    for (let i = 0; i < after; i++) {
      const row = rows[i];
      const was = old.indexOf(row);
      if (was < 0 || was >= before) this.out.push(this.withRank(row, this.afterRanks[i]), INSERT);
      else if (this.config.outputRankNumber && this.beforeRanks[was] !== this.afterRanks[i]) this.update(this.withRank(row, this.beforeRanks[was]), this.withRank(row, this.afterRanks[i]));
    }
    if (!deletesFirst) this.emitRemoved(rows, before, after);
  }

  private emitRemoved(rows: Row[], before: number, after: number): void {
    const old = this.beforeRows;
    for (let i = 0; i < before; i++) {
      const index = rows.indexOf(old[i]);
      if (index < 0 || index >= after) this.out.push(this.withRank(old[i], this.beforeRanks[i]), DELETE);
    }
  }

  // ROW_NUMBER with the rank column: each rank is a row of the result, updated in place.
  private emitSlotChanges(rows: Row[], before: number, after: number): void {
    const old = this.beforeRows;
    const size = before > after ? before : after;
    for (let i = 0; i < size; i++) {
      if (i >= after) this.out.push(this.withRank(old[i], i + 1), DELETE);
      else if (i >= before) this.out.push(this.withRank(rows[i], i + 1), INSERT);
      else if (old[i] !== rows[i]) this.update(this.withRank(old[i], i + 1), this.withRank(rows[i], i + 1));
    }
  }

  private withRank(row: Row, rank: number): Row {
    if (!this.config.outputRankNumber) return row;
    const out = row.slice();
    out.push(rank);
    return out;
  }

  private update(previous: Row, current: Row): void {
    if (this.config.generateUpdateBefore) this.out.push(previous, UPDATE_BEFORE);
    this.out.push(current, UPDATE_AFTER);
  }

  finish(): void {}
}

function sameValues(a: Row, b: Row): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const createRank: OperatorFactory = (operator, context, output, metrics) => new Rank(operator.config as RankConfig, context, output, metrics, operator.id);
