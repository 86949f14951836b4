import type { NexmarkConfig } from '../../src/connectors/nexmark';
import { joinAuctionsWithBids } from './auction-bid-join';
import type { ChangelogSink } from './changelog-sink';

/** Sink columns of nexmark_q9. */
export const Q9_COLUMNS = [
  'BIGINT', 'VARCHAR', 'VARCHAR', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'TIMESTAMP(3)', 'BIGINT', 'BIGINT', 'VARCHAR',
  'BIGINT', 'BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'VARCHAR',
];

const PRICE = 12;
const BID_TIME = 13;

/**
 * q9, winning bid per auction: ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY price DESC, bid
 * dateTime ASC) = 1 over the time-bounded join, without the rank column. Flink's
 * AppendOnlyTopNFunction keeps the first row of equal sort keys and, when a strictly better row
 * arrives, emits −D for the old winner and +I for the new one.
 */
export function runQ9(config: NexmarkConfig, sink: ChangelogSink): void {
  const winners = new Map<number, unknown[]>();
  joinAuctionsWithBids(config, (a, b) => {
    const current = winners.get(a.id);
    if (current !== undefined) {
      const price = current[PRICE] as number;
      const better = b.price > price || (b.price === price && b.dateTime < (current[BID_TIME] as number));
      if (!better) return;
      sink.emit('-D', current);
    }
    const row = [
      a.id, a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra,
      b.auction, b.bidder, b.price, b.dateTime, b.extra,
    ];
    sink.emit('+I', row);
    winners.set(a.id, row);
  });
}
