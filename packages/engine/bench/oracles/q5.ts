import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator, windowStart } from './oracle-support';

/** Sink columns of nexmark_q5. */
export const Q5_COLUMNS = ['BIGINT', 'BIGINT'];

const SLIDE_MS = 2_000;
const SIZE_MS = 10_000;
const OUT_OF_ORDERNESS_MS = 4_000;

/**
 * q5, hot items: bids counted per auction in HOP windows (slide 2 s, size 10 s), joined with each
 * window's max count on num >= maxn. Each window fires when the watermark (max ts − 4 s) reaches
 * its end − 1, or at the final MAX watermark; both join sides are insert-only, so the result is
 * +I (auction, num) for every auction with the window's top count.
 */
export function runQ5(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  const windows = new Map<number, Map<number, number>>();
  const fire = (start: number, counts: Map<number, number>) => {
    let max = 0;
    for (const count of counts.values()) if (count > max) max = count;
    for (const [auction, count] of counts) if (count >= max) sink.emit('+I', [auction, count]);
    windows.delete(start);
  };
  let maxTs = -Infinity;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const ts = bid.dateTime;
    if (ts > maxTs) {
      maxTs = ts;
      const watermark = maxTs - OUT_OF_ORDERNESS_MS;
      for (const [start, counts] of windows) if (start + SIZE_MS - 1 <= watermark) fire(start, counts);
    }
    const last = windowStart(ts, SLIDE_MS);
    for (let start = last; start > ts - SIZE_MS; start -= SLIDE_MS) {
      let counts = windows.get(start);
      if (counts === undefined) {
        counts = new Map();
        windows.set(start, counts);
      }
      counts.set(bid.auction, (counts.get(bid.auction) ?? 0) + 1);
    }
  }
  for (const [start, counts] of windows) fire(start, counts);
}
