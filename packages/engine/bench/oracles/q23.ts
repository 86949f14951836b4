import { EVENT_AUCTION, EVENT_BID, EVENT_PERSON, type NexmarkAuction, type NexmarkConfig, type NexmarkPerson } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q23. */
export const Q23_COLUMNS = [
  'BIGINT', 'BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR',
  'BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR',
  'VARCHAR', 'VARCHAR', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'TIMESTAMP(3)', 'BIGINT', 'BIGINT', 'VARCHAR',
];

/**
 * q23, bids with the bidding person and that person's auctions: (bid ⋈ person ON P.id = B.bidder)
 * ⋈ auction ON A.seller = B.bidder, regular joins of append-only inputs, so the result is one +I
 * per (bid, person, auction) triple. Note bidder ids carry the generator's +2000 offset, so a bid
 * meets the person 1000 ids further on. Streaming this would keep every bid in state; the
 * generator is deterministic, so the oracle reads persons and auctions first and then the bids.
 */
export function runQ23(config: NexmarkConfig, sink: ChangelogSink): void {
  const persons = new Map<number, NexmarkPerson>();
  const auctionsBySeller = new Map<number, NexmarkAuction[]>();
  const first = singleSplitGenerator(config);
  while (first.hasNext()) {
    const type = first.peekType();
    if (type === EVENT_BID) {
      first.skip();
      continue;
    }
    first.next();
    if (type === EVENT_PERSON) {
      persons.set(first.person.id, { ...first.person });
      continue;
    }
    if (type !== EVENT_AUCTION) continue;
    const list = auctionsBySeller.get(first.auction.seller);
    if (list) list.push({ ...first.auction });
    else auctionsBySeller.set(first.auction.seller, [{ ...first.auction }]);
  }
  const gen = singleSplitGenerator(config);
  const b = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const p = persons.get(b.bidder);
    const auctions = auctionsBySeller.get(b.bidder);
    if (p === undefined || auctions === undefined) continue;
    for (const a of auctions) {
      sink.emit('+I', [
        b.bidder, b.price, b.channel, b.url, b.extra,
        p.id, p.name, p.emailAddress, p.creditCard, p.city, p.state, p.extra,
        a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra,
      ]);
    }
  }
}
