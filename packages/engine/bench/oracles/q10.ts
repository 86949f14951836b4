import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator, UtcDateFormatter } from './oracle-support';

/** Sink columns of nexmark_q10 (a filesystem sink; the partition columns are ordinary values here). */
export const Q10_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'VARCHAR', 'VARCHAR', 'VARCHAR'];

/** q10, log to file system: +I (auction, bidder, price, dateTime, extra, 'yyyy-MM-dd', 'HH:mm') per bid. */
export function runQ10(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config);
  const bid = gen.bid;
  const dates = new UtcDateFormatter();
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const ts = bid.dateTime;
    sink.emit('+I', [bid.auction, bid.bidder, bid.price, ts, bid.extra, dates.day(ts), dates.minute(ts)]);
  }
}
