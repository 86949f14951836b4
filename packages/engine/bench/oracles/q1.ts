import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { EURO_RATE_UNSCALED, singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q1. */
export const Q1_COLUMNS = ['BIGINT', 'BIGINT', 'DECIMAL(23, 3)', 'TIMESTAMP(3)', 'VARCHAR'];

/** q1, currency conversion: +I (auction, bidder, 0.908 × price as unscaled scale-3, dateTime, extra). */
export function runQ1(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config);
  const bid = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    sink.emit('+I', [bid.auction, bid.bidder, bid.price * EURO_RATE_UNSCALED, bid.dateTime, bid.extra]);
  }
}
