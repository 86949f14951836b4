import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { EURO_RATE_UNSCALED, hourOfDay, singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q14. */
export const Q14_COLUMNS = ['BIGINT', 'BIGINT', 'DECIMAL(23, 3)', 'VARCHAR', 'TIMESTAMP(3)', 'VARCHAR', 'BIGINT'];

/** 1,000,000 and 50,000,000 at scale 3, to compare with the unscaled 0.908 × price. */
const LOW_UNSCALED = 1_000_000_000;
const HIGH_UNSCALED = 50_000_000_000;

function bidTimeType(hour: number): string {
  if (hour >= 8 && hour <= 18) return 'dayTime';
  if (hour <= 6 || hour >= 20) return 'nightTime';
  return 'otherTime';
}

/** The nexmark CountChar UDF: occurrences of one char. */
export function countChar(text: string, char: string): number {
  const code = char.charCodeAt(0);
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) count++;
  return count;
}

/**
 * q14, calculation: bids with 1,000,000 < 0.908 × price < 50,000,000 as +I (auction, bidder,
 * 0.908 × price, day/night/other by UTC HOUR, dateTime, extra, count_char(extra, 'c')).
 */
export function runQ14(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config);
  const bid = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const euro = bid.price * EURO_RATE_UNSCALED;
    if (euro <= LOW_UNSCALED || euro >= HIGH_UNSCALED) continue;
    const ts = bid.dateTime;
    sink.emit('+I', [bid.auction, bid.bidder, euro, bidTimeType(hourOfDay(ts)), ts, bid.extra, countChar(bid.extra, 'c')]);
  }
}
