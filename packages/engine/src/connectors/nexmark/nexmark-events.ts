/** Event types live beside the generator (see there why); re-exported for existing importers. */
export { EVENT_AUCTION, EVENT_BID, EVENT_PERSON } from './nexmark-generator';

/** A Person event; `dateTime` is epoch ms (TIMESTAMP(3)). */
export interface NexmarkPerson {
  id: number;
  name: string;
  emailAddress: string;
  creditCard: string;
  city: string;
  state: string;
  dateTime: number;
  extra: string;
}

/** An Auction event; `dateTime` and `expires` are epoch ms. */
export interface NexmarkAuction {
  id: number;
  itemName: string;
  description: string;
  initialBid: number;
  reserve: number;
  dateTime: number;
  expires: number;
  seller: number;
  category: number;
  extra: string;
}

/** A Bid event; `dateTime` is epoch ms. `bidder` carries Flink's +2000 offset quirk. */
export interface NexmarkBid {
  auction: number;
  bidder: number;
  price: number;
  channel: string;
  url: string;
  dateTime: number;
  extra: string;
}
