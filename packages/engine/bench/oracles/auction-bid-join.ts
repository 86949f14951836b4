import { EVENT_AUCTION, EVENT_BID, type NexmarkAuction, type NexmarkBid, type NexmarkConfig } from '../../src/connectors/nexmark';
import { singleSplitGenerator } from './oracle-support';

/**
 * The join q4 and q9 share: `auction A, bid B WHERE A.id = B.auction AND B.dateTime BETWEEN
 * A.dateTime AND A.expires`, a regular join of append-only inputs, so every qualifying pair is
 * produced once, when its later side arrives, in source order.
 *
 * State stays small without changing the result: input is in time order, so an auction can take
 * no new bid once event time passes its expiry, and a bid waiting for a future auction (ids run
 * up to 10 ahead) can only qualify if that auction has the bid's own timestamp.
 */
export function joinAuctionsWithBids(config: NexmarkConfig, onPair: (a: NexmarkAuction, b: NexmarkBid) => void): void {
  const gen = singleSplitGenerator(config);
  const open = new Map<number, NexmarkAuction>();
  let waiting = new Map<number, NexmarkBid[]>();
  let waitingTs = -Infinity;
  let lastAuctionId = -1;
  let lastPruneTs = -Infinity;
  while (gen.hasNext()) {
    const type = gen.peekType();
    if (type !== EVENT_AUCTION && type !== EVENT_BID) {
      gen.skip();
      continue;
    }
    const ts = gen.peekTimestamp();
    if (ts !== waitingTs) {
      waiting = new Map();
      waitingTs = ts;
    }
    if (ts !== lastPruneTs) {
      for (const [id, a] of open) if (a.expires < ts) open.delete(id);
      lastPruneTs = ts;
    }
    gen.next();
    if (type === EVENT_AUCTION) {
      const a = { ...gen.auction };
      lastAuctionId = a.id;
      open.set(a.id, a);
      for (const b of waiting.get(a.id) ?? []) if (b.dateTime >= a.dateTime && b.dateTime <= a.expires) onPair(a, b);
      continue;
    }
    const b = gen.bid;
    const a = open.get(b.auction);
    if (a !== undefined) {
      if (b.dateTime >= a.dateTime && b.dateTime <= a.expires) onPair(a, { ...b });
    } else if (b.auction > lastAuctionId) {
      const list = waiting.get(b.auction);
      if (list) list.push({ ...b });
      else waiting.set(b.auction, [{ ...b }]);
    }
  }
}
