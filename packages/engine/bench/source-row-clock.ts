import type { ConnectorRegistry } from '../src/connectors/connector-registry';
import type { SourcePoll, SourceReader } from '../src/connectors/connector';
import type { ProcessingClock } from '../src/index';
import { wrapSources } from './wrap-sources';

/** Source rows per step of the bench's processing-time clock. */
const ROWS_PER_STEP = 1_000;
/** Processing time one step adds: one millisecond per row. */
const STEP_MS = 1_000;
/** Processing time of the first rows; a whole number of steps and of q12's 10 s windows. */
const CLOCK_BASE_MS = Date.UTC(2024, 0, 1);

/**
 * The processing time at which the bench reads source row `n` (0-based, over every row the
 * clocked sources emit): one millisecond per row, in steps of 1,000 rows, so row 0..999 is read
 * at the base, row 1,000..1,999 one second later. A q12 window of 10 s holds 10,000 bids.
 */
export function sourceRowTimeMs(n: number): number {
  return CLOCK_BASE_MS + Math.floor(n / ROWS_PER_STEP) * STEP_MS;
}

/** A processing-time clock that shows the time of the last row a source emitted (`sourceRowTimeMs`). */
export class SourceRowClock implements ProcessingClock {
  private rows = 0;
  private nowMs = CLOCK_BASE_MS;

  now(): number {
    return this.nowMs;
  }

  /** Rows the next poll may return without crossing a step, so every row of a batch has one time. */
  rowsLeftInStep(): number {
    return ROWS_PER_STEP - (this.rows % ROWS_PER_STEP);
  }

  /** A source emitted `count` rows (within one step): the clock moves to their time. */
  read(count: number): void {
    if (count === 0) return;
    this.nowMs = sourceRowTimeMs(this.rows);
    this.rows += count;
  }
}

/** Cuts a reader's batches at clock steps and advances the clock before the rows go downstream. */
class ClockedSourceReader implements SourceReader {
  constructor(
    private readonly reader: SourceReader,
    private readonly clock: SourceRowClock,
  ) {}

  poll(maxRows: number, nowMs: number): SourcePoll {
    const poll = this.reader.poll(Math.min(maxRows, this.clock.rowsLeftInStep()), nowMs);
    this.clock.read(poll.rows.length);
    return poll;
  }
}

/**
 * `registry` with every source advancing `clock` as it emits rows: the engine's PROCTIME() then
 * reads the same processing time for each row as the oracle computes with `sourceRowTimeMs`.
 */
export function clockedSourceConnectors(registry: ConnectorRegistry, clock: SourceRowClock): ConnectorRegistry {
  return wrapSources(registry, (reader) => new ClockedSourceReader(reader, clock));
}
