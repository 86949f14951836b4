import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import { BidStatistics } from './bid-statistics';
import type { ChangelogSink } from './changelog-sink';
import { emitAggregateChange, singleSplitGenerator, UtcDateFormatter } from './oracle-support';

/** Sink columns of nexmark_q15. */
export const Q15_COLUMNS = ['VARCHAR', ...Array<string>(12).fill('BIGINT')];

interface DayState {
  stats: BidStatistics;
  row: unknown[] | null;
}

/**
 * q15, bidding statistics per day: unbounded GROUP BY DATE_FORMAT(dateTime, 'yyyy-MM-dd') with
 * counts and FILTERed distinct counts. Without mini-batch, every bid updates its day's row: +I
 * first, then −U old / +U new (count(*) always changes, so the equaliser never suppresses one).
 */
export function runQ15(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  const dates = new UtcDateFormatter();
  const days = new Map<string, DayState>();
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const day = dates.day(bid.dateTime);
    let state = days.get(day);
    if (state === undefined) {
      state = { stats: new BidStatistics(), row: null };
      days.set(day, state);
    }
    state.stats.add(bid.bidder, bid.auction, bid.price);
    const row = [day, ...state.stats.values()];
    emitAggregateChange(sink, state.row, row);
    state.row = row;
  }
}
