import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator, windowStart } from './oracle-support';

/** Sink columns of nexmark_q12. */
export const Q12_COLUMNS = ['BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'TIMESTAMP(3)'];

const WINDOW_MS = 10_000;

/**
 * q12, processing-time windows: TUMBLE(PROCTIME(), 10 s) GROUP BY bidder. Bid `n` (0-based; the
 * source emits bids only) is processed at `rowTimeMs(n)`, the bench's source-row clock. A window
 * fires (+I bidder, count, start, end) once processing time passes its end; the window still open
 * when the bounded input ends is dropped, as Flink quiesces its processing-time timers then.
 */
export function runQ12(config: NexmarkConfig, sink: ChangelogSink, rowTimeMs: (n: number) => number): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  let openStart = NaN;
  let counts = new Map<number, number>();
  let n = 0;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const start = windowStart(rowTimeMs(n++), WINDOW_MS);
    if (start !== openStart) {
      for (const [bidder, count] of counts) sink.emit('+I', [bidder, count, openStart, openStart + WINDOW_MS]);
      counts = new Map();
      openStart = start;
    }
    counts.set(bid.bidder, (counts.get(bid.bidder) ?? 0) + 1);
  }
}
