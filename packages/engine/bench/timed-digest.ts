import type { ChangelogSink, RowKind } from './oracles/changelog-sink';

const BATCH_ROWS = 1024;

/**
 * Feeds rows to a comparison sink (a digest) in batches and keeps the time that takes, so a run
 * can be verified and timed at once: the bench subtracts `seconds` from the run's wall time.
 * Rows are buffered, not copied: both the engine and the oracle loops hand over fresh arrays.
 */
export class TimedDigest implements ChangelogSink {
  /** Seconds spent inside the comparison sink. */
  seconds = 0;
  rows = 0;
  private readonly kinds: RowKind[] = [];
  private readonly buffer: unknown[][] = [];

  constructor(readonly target: ChangelogSink) {}

  /** One row from an oracle loop. */
  emit(kind: RowKind, row: unknown[]): void {
    this.kinds.push(kind);
    this.buffer.push(row);
    if (this.buffer.length >= BATCH_ROWS) this.flush();
  }

  /** A whole batch from a sink. */
  emitBatch(rows: unknown[][], kinds: readonly RowKind[] | null): void {
    this.emitBatchThrough(this.target, rows, kinds);
  }

  /** A whole batch into `sink`, which ends in the target (an upsert materializer), timed the same. */
  emitBatchThrough(sink: ChangelogSink, rows: unknown[][], kinds: readonly RowKind[] | null): void {
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i++) sink.emit(kinds === null ? '+I' : kinds[i], rows[i]);
    this.rows += rows.length;
    this.seconds += Number(process.hrtime.bigint() - start) / 1e9;
  }

  /** Hands the buffered rows over; call once at the end. */
  flush(): void {
    this.emitBatch(this.buffer, this.kinds);
    this.buffer.length = 0;
    this.kinds.length = 0;
  }
}
