import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import { BidStatistics } from './bid-statistics';
import type { ChangelogSink } from './changelog-sink';
import { emitAggregateChange, singleSplitGenerator, UtcDateFormatter } from './oracle-support';

/** Sink columns of nexmark_q16. */
export const Q16_COLUMNS = ['VARCHAR', 'VARCHAR', 'VARCHAR', ...Array<string>(12).fill('BIGINT')];

interface ChannelDayState {
  stats: BidStatistics;
  maxMinute: string;
  row: unknown[] | null;
}

/**
 * q16, channel statistics: unbounded GROUP BY channel, day with max(DATE_FORMAT(dateTime, 'HH:mm'))
 * (a string max) and q15's counts; +I, then −U/+U per bid, without mini-batch.
 */
export function runQ16(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  const dates = new UtcDateFormatter();
  const groups = new Map<string, Map<string, ChannelDayState>>();
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const day = dates.day(bid.dateTime);
    const minute = dates.minute(bid.dateTime);
    let channels = groups.get(day);
    if (channels === undefined) {
      channels = new Map();
      groups.set(day, channels);
    }
    let state = channels.get(bid.channel);
    if (state === undefined) {
      state = { stats: new BidStatistics(), maxMinute: minute, row: null };
      channels.set(bid.channel, state);
    }
    state.stats.add(bid.bidder, bid.auction, bid.price);
    if (minute > state.maxMinute) state.maxMinute = minute;
    const row = [bid.channel, day, state.maxMinute, ...state.stats.values()];
    emitAggregateChange(sink, state.row, row);
    state.row = row;
  }
}
