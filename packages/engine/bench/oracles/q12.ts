import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink, RowKind } from './changelog-sink';
import { singleSplitGenerator, windowStart } from './oracle-support';

/** Sink columns of nexmark_q12. */
export const Q12_COLUMNS = ['BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'TIMESTAMP(3)'];

const WINDOW_MS = 10_000;

/**
 * q12, processing-time windows: TUMBLE(PROCTIME(), 10 s) GROUP BY bidder. Each bid falls into the
 * window of the wall clock when it is processed; a window fires (+I bidder, count, start, end)
 * when processing time passes its end, and the rest when the bounded input ends. The rows depend
 * on the wall clock, so results are compared with `Q12Totals`, not with a digest.
 */
export function runQ12(config: NexmarkConfig, sink: ChangelogSink, clock: () => number = Date.now): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  let openStart = NaN;
  let counts = new Map<number, number>();
  const fire = () => {
    for (const [bidder, count] of counts) sink.emit('+I', [bidder, count, openStart, openStart + WINDOW_MS]);
    counts = new Map();
  };
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const start = windowStart(clock(), WINDOW_MS);
    if (start !== openStart) {
      fire();
      openStart = start;
    }
    counts.set(bid.bidder, (counts.get(bid.bidder) ?? 0) + 1);
  }
  fire();
}

/** The wall-clock-free part of q12's result: bid_count summed overall and per bidder. */
export class Q12Totals implements ChangelogSink {
  total = 0;
  readonly perBidder = new Map<number, number>();

  /** Adds (+I/+U) or subtracts (−U/−D) a row's bid_count. */
  emit(kind: RowKind, row: unknown[]): void {
    const sign = kind === '+I' || kind === '+U' ? 1 : -1;
    const bidder = Number(row[0]);
    const count = Number(row[1]) * sign;
    this.total += count;
    const next = (this.perBidder.get(bidder) ?? 0) + count;
    if (next === 0) this.perBidder.delete(bidder);
    else this.perBidder.set(bidder, next);
  }

  /** Same total and same per-bidder totals. */
  equals(other: Q12Totals): boolean {
    if (this.total !== other.total || this.perBidder.size !== other.perBidder.size) return false;
    for (const [bidder, count] of this.perBidder) if (other.perBidder.get(bidder) !== count) return false;
    return true;
  }
}
