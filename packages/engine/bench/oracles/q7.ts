import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator, windowStart } from './oracle-support';

/** Sink columns of nexmark_q7 (the SELECT lists price before bidder, so they land swapped). */
export const Q7_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'VARCHAR'];

const WINDOW_MS = 10_000;

/**
 * q7, highest bid: bids joined with MAX(price) per 10 s TUMBLE window (dateTime = window_end) on
 * price = maxprice AND dateTime BETWEEN window_end − 10 s AND window_end. window_end is no time
 * attribute after the aggregate, so this is a regular join of insert-only inputs: the result is
 * every qualifying (bid, window) pair as +I (auction, price, bidder, dateTime, extra). The
 * inclusive bound lets a bid exactly at a window end also match the window before. The generator
 * is deterministic, so the oracle reads the input twice: window maxima first, then the bids.
 */
export function runQ7(config: NexmarkConfig, sink: ChangelogSink): void {
  const maxByEnd = new Map<number, number>();
  const first = singleSplitGenerator(config, { extra: false });
  while (first.hasNext()) {
    if (first.peekType() !== EVENT_BID) {
      first.skip();
      continue;
    }
    first.next();
    const end = windowStart(first.bid.dateTime, WINDOW_MS) + WINDOW_MS;
    const max = maxByEnd.get(end);
    if (max === undefined || first.bid.price > max) maxByEnd.set(end, first.bid.price);
  }
  const gen = singleSplitGenerator(config);
  const bid = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const ts = bid.dateTime;
    const end = windowStart(ts, WINDOW_MS) + WINDOW_MS;
    if (maxByEnd.get(end) === bid.price) sink.emit('+I', [bid.auction, bid.price, bid.bidder, ts, bid.extra]);
    if (end - WINDOW_MS === ts && maxByEnd.get(ts) === bid.price) sink.emit('+I', [bid.auction, bid.price, bid.bidder, ts, bid.extra]);
  }
}
