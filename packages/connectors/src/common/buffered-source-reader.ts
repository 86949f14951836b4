import type { Row, RowBatch, SourcePoll, SourceReader } from '@weir/engine';

/** A buffer entry that moves the position without a row (see `mark`). */
const MARKER: Row = [];
/** A marker for a record that was read and skipped as unreadable (see `skipRecord`). */
const SKIPPED: Row = [];

/** How long an empty poll asks the runner to wait before it polls again. */
const EMPTY_POLL_WAIT_MS = 10;

/**
 * A source reader over an asynchronous client: a fetch loop (`fetch`) pushes decoded rows into a
 * bounded buffer and waits when it is full, and the runner's synchronous `poll` drains it, so the
 * event loop never blocks and a slow job slows its source down (backpressure).
 *
 * The checkpointed position is that of the last row polled, not fetched: rows still buffered at a
 * checkpoint are fetched again after a restore. The fetch loop starts on the first poll, after any
 * `restorePosition`, and learns where to resume from `fetch(from)`.
 */
export abstract class BufferedSourceReader<P> implements SourceReader {
  private readonly rows: Row[] = [];
  private readonly kinds: number[] = [];
  private readonly positions: P[] = [];
  private head = 0;
  private position: P | undefined;
  private started = false;
  private ended = false;
  private failure: unknown;
  private spaceWaiter: (() => void) | undefined;
  private closing: Promise<void> | undefined;
  protected closed = false;

  constructor(
    private readonly capacity: number,
    private readonly emitsKinds = false,
  ) {}

  /** The fetch loop: pushes rows from `from` (undefined: the configured start) and returns at the bounded end. */
  protected abstract fetch(from: P | undefined): Promise<void>;

  /** Releases the client; the fetch loop sees `closed` and ends. */
  protected abstract shutdown(): Promise<void>;

  /** Adds a fetched row; `position` is where a restore resumes after it. Await `room()` between pushes. */
  protected push(row: Row, position: P, kind = 0): void {
    this.rows.push(row);
    this.positions.push(position);
    if (this.emitsKinds) this.kinds.push(kind);
  }

  /** Resolves when the buffer has room (at once when it has). */
  protected room(): Promise<void> | undefined {
    if (this.rows.length - this.head < this.capacity || this.closed) return undefined;
    return new Promise((resolve) => (this.spaceWaiter = resolve));
  }

  /** The resolved start of a fresh run (e.g. the latest offset at start), so a checkpoint before the first row restores to it. */
  protected startsAt(position: P): void {
    if (this.position === undefined) this.position = position;
  }

  /**
   * Pushes the changes one record carried. `null` (a parse error the policy skips) or none from a
   * plain format (an error `*.ignore-parse-errors` swallowed) is counted as skipped; none from a
   * changelog format (a DDL or filtered message) only moves the position.
   */
  protected pushRecord(changes: readonly { kind: number; row: Row }[] | null, position: P, changelog: boolean): void {
    if (changes === null || (changes.length === 0 && !changelog)) this.skipRecord(position);
    else if (changes.length === 0) this.mark(position);
    for (const change of changes ?? []) this.push(change.row, position, change.kind);
  }

  /** A record its format could not read, skipped by the source's policy: moves the position and is counted. */
  protected skipRecord(position: P): void {
    this.rows.push(SKIPPED);
    this.positions.push(position);
    if (this.emitsKinds) this.kinds.push(0);
  }

  /** Moves the position once every row pushed so far is polled, without a row (e.g. the end of a snapshot). */
  protected mark(position: P): void {
    this.rows.push(MARKER);
    this.positions.push(position);
    if (this.emitsKinds) this.kinds.push(0);
  }

  poll(maxRows: number, nowMs: number): SourcePoll {
    if (!this.started) this.start();
    if (this.failure !== undefined) throw this.failure;
    const end = this.rows.length;
    if (this.head === end) return this.ended ? { rows: [], finished: true } : { rows: [], finished: false, nextPollAtMs: nowMs + EMPTY_POLL_WAIT_MS };
    const rows: RowBatch = [];
    const kinds: number[] | undefined = this.emitsKinds ? [] : undefined;
    let i = this.head;
    const onPolled = this.onPolled;
    let skipped = 0;
    for (; i < end && rows.length < maxRows; i++) {
      onPolled?.call(this, this.positions[i]);
      const row = this.rows[i];
      if (row === MARKER) continue;
      if (row === SKIPPED) {
        skipped++;
        continue;
      }
      rows.push(row);
      kinds?.push(this.kinds[i]);
    }
    this.position = this.positions[i - 1];
    this.head = i;
    if (this.head > 4096 && this.head * 2 > this.rows.length) this.compact();
    const waiter = this.spaceWaiter;
    this.spaceWaiter = undefined;
    waiter?.();
    return { rows, ...(kinds ? { kinds } : {}), ...(skipped > 0 ? { skipped } : {}), finished: this.ended && this.head === this.rows.length };
  }

  snapshotPosition(): unknown {
    return this.position;
  }

  /** When a reader defines it, called with the position of every entry polled (a reader over several partitions keeps each one's). */
  protected onPolled?(position: P): void;

  /** The position of the last row polled (what `snapshotPosition` checkpoints unless a reader adds to it). */
  protected get polledPosition(): P | undefined {
    return this.position;
  }

  restorePosition(position: unknown): void {
    if (position !== undefined) this.position = position as P;
  }

  close(): Promise<void> {
    this.closed = true;
    this.spaceWaiter?.();
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private start(): void {
    this.started = true;
    this.fetch(this.position).then(
      () => {
        this.ended = true;
      },
      (error: unknown) => {
        if (!this.closed) this.failure = error;
      },
    );
  }

  private compact(): void {
    this.rows.splice(0, this.head);
    this.positions.splice(0, this.head);
    if (this.emitsKinds) this.kinds.splice(0, this.head);
    this.head = 0;
  }
}
