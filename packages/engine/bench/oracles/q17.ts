import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { emitAggregateChange, priceRank, singleSplitGenerator, UtcDateFormatter } from './oracle-support';

/** Sink columns of nexmark_q17. */
export const Q17_COLUMNS = ['BIGINT', 'VARCHAR', ...Array<string>(8).fill('BIGINT')];

interface AuctionDayState {
  total: number;
  byRank: [number, number, number];
  min: number;
  max: number;
  sum: number;
  row: unknown[] | null;
}

/**
 * q17, auction statistics: unbounded GROUP BY auction, day; +I, then −U/+U per bid, without
 * mini-batch. avg(price) over BIGINT is BIGINT in Flink: sum / count truncated.
 */
export function runQ17(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  const dates = new UtcDateFormatter();
  const groups = new Map<string, Map<number, AuctionDayState>>();
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const day = dates.day(bid.dateTime);
    let auctions = groups.get(day);
    if (auctions === undefined) {
      auctions = new Map();
      groups.set(day, auctions);
    }
    const price = bid.price;
    let state = auctions.get(bid.auction);
    if (state === undefined) {
      state = { total: 0, byRank: [0, 0, 0], min: price, max: price, sum: 0, row: null };
      auctions.set(bid.auction, state);
    }
    state.total++;
    state.byRank[priceRank(price) - 1]++;
    if (price < state.min) state.min = price;
    if (price > state.max) state.max = price;
    state.sum += price;
    const avg = (state.sum - (state.sum % state.total)) / state.total;
    const row = [bid.auction, day, state.total, ...state.byRank, state.min, state.max, avg, state.sum];
    emitAggregateChange(sink, state.row, row);
    state.row = row;
  }
}
