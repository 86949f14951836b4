import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q21. */
export const Q21_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'VARCHAR', 'VARCHAR'];

const CHANNEL_ID = /(&|^)channel_id=([^&]*)/;
const HOT_CHANNEL_IDS = new Map([['apple', '0'], ['google', '1'], ['facebook', '2'], ['baidu', '3']]);

/** REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2): Java's find(), group 2, null without a match. */
export function extractChannelId(url: string): string | null {
  const match = CHANNEL_ID.exec(url);
  return match === null ? null : match[2];
}

/**
 * q21, add channel id: +I (auction, bidder, price, channel, channel_id) where channel_id is '0'..'3'
 * for Apple/Google/Facebook/Baidu (lower-cased) and else the url's channel_id; bids with neither
 * are filtered out.
 */
export function runQ21(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const hot = HOT_CHANNEL_IDS.get(bid.channel.toLowerCase());
    const channelId = hot ?? extractChannelId(bid.url);
    if (channelId !== null) sink.emit('+I', [bid.auction, bid.bidder, bid.price, bid.channel, channelId]);
  }
}
