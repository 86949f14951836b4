import type { OverFrame } from '../../plan/over-plan';
import type { ChangelogCollector } from '../../runtime/changelog-collector';
import { INSERT, type Row } from '../../runtime/row';
import type { Accumulator, AggsHandler } from '../aggregate/aggs-handler';

/** One partition of an OVER aggregation, kept in the state backend. */
export interface OverPartition {
  acc: Accumulator;
  /** Rows of a bounded frame already accumulated, oldest first from `frameStart`, with their times (RANGE only). */
  frameRows: Row[];
  frameTimes: number[];
  frameStart: number;
  /** Rows waiting for their time to pass (event time, processing-time RANGE): by time, arrival order among equal times. */
  pendingRows: Row[];
  pendingTimes: number[];
  /** When no later row can see the frame any more (bounded RANGE, nothing pending): the partition is dropped then. */
  expiresAt: number;
  /** The time of the partition's expiry timer, +Infinity when none is set. */
  expiryTimer: number;
}

/**
 * Evaluates rows of one partition against the frame in time order and emits each row followed by
 * its aggregates. ROWS: every row is its own step, retracting the row that falls out of the last
 * `preceding + 1`. RANGE: rows of one time are peers, accumulated together after retracting rows
 * older than `time - preceding`, and all see the same values (Flink's Row/RangeBoundedPrecedingFunction
 * and their unbounded siblings).
 */
export class OverFrameEvaluator {
  private readonly bounded: boolean;
  private readonly preceding: number;
  /** Scratch space for the aggregate values of one step. */
  private readonly values: Row;

  constructor(
    private readonly frame: OverFrame,
    private readonly handler: AggsHandler,
    aggCount: number,
    private readonly out: ChangelogCollector,
  ) {
    this.bounded = frame.preceding !== null;
    this.preceding = frame.preceding ?? 0;
    this.values = new Array(aggCount);
  }

  /** A new, empty partition. */
  createPartition(): OverPartition {
    return { acc: this.handler.create(), frameRows: [], frameTimes: [], frameStart: 0, pendingRows: [], pendingTimes: [], expiresAt: Number.POSITIVE_INFINITY, expiryTimer: Number.POSITIVE_INFINITY };
  }

  /** Evaluates rows[from, to) of the given times, which are sorted ascending. */
  evaluate(partition: OverPartition, rows: Row[], times: number[], from: number, to: number): void {
    if (this.frame.unit === 'ROWS') {
      for (let i = from; i < to; i++) {
        this.add(partition, rows[i], times[i]);
        this.emit(partition, rows, i, i + 1);
      }
      return;
    }
    let start = from;
    while (start < to) {
      const time = times[start];
      let end = start + 1;
      while (end < to && times[end] === time) end++;
      if (this.bounded) this.expire(partition, time - this.preceding);
      for (let i = start; i < end; i++) this.add(partition, rows[i], time);
      this.emit(partition, rows, start, end);
      start = end;
    }
  }

  /** Evaluates one row on its own (processing-time ROWS and unbounded frames, emitted on arrival). */
  evaluateOne(partition: OverPartition, row: Row, time: number): void {
    this.add(partition, row, time);
    const values = this.values;
    this.handler.values(partition.acc, values, 0);
    this.out.push(row.concat(values), INSERT);
  }

  // A bounded ROWS frame keeps `preceding` rows before the current one; the oldest beyond leaves.
  private add(partition: OverPartition, row: Row, time: number): void {
    if (this.bounded) {
      if (this.frame.unit === 'ROWS' && partition.frameRows.length - partition.frameStart > this.preceding) this.retractOldest(partition);
      partition.frameRows.push(row);
      if (this.frame.unit === 'RANGE') partition.frameTimes.push(time);
    }
    this.handler.accumulate(partition.acc, row);
  }

  // Retracts the frame's rows older than `limit`: no row at `limit + preceding` or later sees them.
  private expire(partition: OverPartition, limit: number): void {
    while (partition.frameStart < partition.frameTimes.length && partition.frameTimes[partition.frameStart] < limit) this.retractOldest(partition);
  }

  // Rows leave from the front by moving `frameStart`; the arrays drop their dead prefix once it is
  // half of them, so leaving costs O(1) amortized instead of a shift per row.
  private retractOldest(partition: OverPartition): void {
    const start = partition.frameStart;
    this.handler.retract(partition.acc, partition.frameRows[start]);
    partition.frameStart = start + 1;
    if (partition.frameStart >= 32 && partition.frameStart * 2 >= partition.frameRows.length) {
      partition.frameRows.splice(0, partition.frameStart);
      partition.frameTimes.splice(0, partition.frameStart);
      partition.frameStart = 0;
    }
  }

  private emit(partition: OverPartition, rows: Row[], from: number, to: number): void {
    const values = this.values;
    this.handler.values(partition.acc, values, 0);
    for (let i = from; i < to; i++) this.out.push(rows[i].concat(values), INSERT);
  }
}
