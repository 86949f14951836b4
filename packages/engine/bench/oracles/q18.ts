import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q18. */
export const Q18_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'VARCHAR', 'VARCHAR', 'TIMESTAMP(3)', 'VARCHAR'];

/**
 * q18, last bid per (bidder, auction): ROW_NUMBER() ORDER BY dateTime DESC = 1 on the rowtime is
 * Flink's RowTimeDeduplicateFunction keeping the last row: a row replaces the kept one when its
 * rowtime is >= (always, for in-order input), emitting +I first, then −U old / +U new.
 */
export function runQ18(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config);
  const bid = gen.bid;
  const lastByBidder = new Map<number, Map<number, unknown[]>>();
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    let byAuction = lastByBidder.get(bid.bidder);
    if (byAuction === undefined) {
      byAuction = new Map();
      lastByBidder.set(bid.bidder, byAuction);
    }
    const row = [bid.auction, bid.bidder, bid.price, bid.channel, bid.url, bid.dateTime, bid.extra];
    const previous = byAuction.get(bid.auction);
    if (previous === undefined) {
      sink.emit('+I', row);
      byAuction.set(bid.auction, row);
    } else if ((row[5] as number) >= (previous[5] as number)) {
      sink.emit('-U', previous);
      sink.emit('+U', row);
      byAuction.set(bid.auction, row);
    }
  }
}
