import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q13. */
export const Q13_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'VARCHAR'];

/** Keys of the benchmark's side_input.txt: lines "i,i" for i in [0, 10000). */
const SIDE_INPUT_KEYS = 10_000;

/**
 * q13, bounded side input join: lookup of mod(auction, 10000) in side_input (key BIGINT, value
 * VARCHAR). Every key exists, with value = the key as text, so each bid gives
 * +I (auction, bidder, price, dateTime, value).
 */
export function runQ13(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  const values = Array.from({ length: SIDE_INPUT_KEYS }, (_, i) => String(i));
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    sink.emit('+I', [bid.auction, bid.bidder, bid.price, bid.dateTime, values[bid.auction % SIDE_INPUT_KEYS]]);
  }
}
