import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q2. */
export const Q2_COLUMNS = ['BIGINT', 'BIGINT'];

/** q2, selection: +I (auction, price) for bids with MOD(auction, 123) = 0. */
export function runQ2(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    if (bid.auction % 123 === 0) sink.emit('+I', [bid.auction, bid.price]);
  }
}
