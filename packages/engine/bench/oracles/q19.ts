import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q19. */
export const Q19_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'VARCHAR', 'VARCHAR', 'TIMESTAMP(3)', 'VARCHAR', 'BIGINT'];

const TOP_N = 10;
const PRICE = 2;

/**
 * q19, top 10 bids per auction by price DESC with rank_number: Flink's AppendOnlyTopNFunction.
 * A bid enters only when the top is not full or it is strictly better than the worst; it goes
 * after the bids of equal price; every rank from its own down then changes hands
 * (−U old row at rank k, +U new row at rank k), and +I fills the first empty rank.
 */
export function runQ19(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config);
  const bid = gen.bid;
  const tops = new Map<number, unknown[][]>();
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    let top = tops.get(bid.auction);
    if (top === undefined) {
      top = [];
      tops.set(bid.auction, top);
    }
    const price = bid.price;
    if (top.length === TOP_N && price <= (top[TOP_N - 1][PRICE] as number)) continue;
    let position = 0;
    while (position < top.length && (top[position][PRICE] as number) >= price) position++;
    let current: unknown[] = [bid.auction, bid.bidder, price, bid.channel, bid.url, bid.dateTime, bid.extra];
    for (let k = position; k < top.length; k++) {
      const displaced = top[k];
      sink.emit('-U', [...displaced, k + 1]);
      sink.emit('+U', [...current, k + 1]);
      top[k] = current;
      current = displaced;
    }
    if (top.length < TOP_N) {
      sink.emit('+I', [...current, top.length + 1]);
      top.push(current);
    }
  }
}
