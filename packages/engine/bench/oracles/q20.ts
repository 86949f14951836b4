import { EVENT_AUCTION, EVENT_BID, EVENT_PERSON, type NexmarkAuction, type NexmarkBid, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q20. */
export const Q20_COLUMNS = [
  'BIGINT', 'BIGINT', 'BIGINT', 'VARCHAR', 'VARCHAR', 'TIMESTAMP(3)', 'VARCHAR',
  'VARCHAR', 'VARCHAR', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'TIMESTAMP(3)', 'BIGINT', 'BIGINT', 'VARCHAR',
];

function joined(b: NexmarkBid, a: NexmarkAuction): unknown[] {
  return [
    b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra,
    a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra,
  ];
}

/**
 * q20, bids expanded with their category-10 auction: regular inner join on B.auction = A.id of
 * append-only inputs, one +I per match. Auction ids grow, so a bid for an id not seen yet waits for
 * that auction, and one for a seen id that is not category 10 can never match.
 */
export function runQ20(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config);
  const auctions = new Map<number, NexmarkAuction>();
  const waiting = new Map<number, NexmarkBid[]>();
  let lastAuctionId = -1;
  while (gen.hasNext()) {
    const type = gen.peekType();
    if (type === EVENT_PERSON) {
      gen.skip();
      continue;
    }
    gen.next();
    if (type === EVENT_AUCTION) {
      const a = { ...gen.auction };
      lastAuctionId = a.id;
      const pending = waiting.get(a.id);
      waiting.delete(a.id);
      if (a.category !== 10) continue;
      auctions.set(a.id, a);
      for (const b of pending ?? []) sink.emit('+I', joined(b, a));
      continue;
    }
    if (type !== EVENT_BID) continue;
    const b = gen.bid;
    const auction = auctions.get(b.auction);
    if (auction) sink.emit('+I', joined(b, auction));
    else if (b.auction > lastAuctionId) {
      const list = waiting.get(b.auction);
      if (list) list.push({ ...b });
      else waiting.set(b.auction, [{ ...b }]);
    }
  }
}
