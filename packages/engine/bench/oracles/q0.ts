import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q0. */
export const Q0_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'VARCHAR'];

/** q0, pass-through: +I (auction, bidder, price, dateTime, extra) per bid. */
export function runQ0(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config);
  const bid = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    sink.emit('+I', [bid.auction, bid.bidder, bid.price, bid.dateTime, bid.extra]);
  }
}
