import { EVENT_AUCTION, EVENT_BID, EVENT_PERSON, type NexmarkGenerator } from './nexmark-generator';

/**
 * The row of table `datagen` for the event just generated: [event_type, person, auction, bid],
 * only the nested row of `type` non-null, nested rows as arrays in DDL field order.
 */
export function eventRow(gen: NexmarkGenerator, type: number): unknown[] {
  if (type === EVENT_BID) {
    const b = gen.bid;
    return [EVENT_BID, null, null, [b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra]];
  }
  if (type === EVENT_AUCTION) {
    const a = gen.auction;
    const auction = [a.id, a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra];
    return [EVENT_AUCTION, null, auction, null];
  }
  if (type !== EVENT_PERSON) throw new RangeError(`unknown Nexmark event type ${type}`);
  const p = gen.person;
  return [EVENT_PERSON, [p.id, p.name, p.emailAddress, p.creditCard, p.city, p.state, p.dateTime, p.extra], null, null];
}
