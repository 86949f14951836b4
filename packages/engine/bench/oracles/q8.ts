import { EVENT_AUCTION, EVENT_PERSON, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator, windowStart } from './oracle-support';

/** Sink columns of nexmark_q8. */
export const Q8_COLUMNS = ['BIGINT', 'VARCHAR', 'TIMESTAMP(3)'];

const WINDOW_MS = 10_000;
const OUT_OF_ORDERNESS_MS = 4_000;

interface Window {
  persons: [number, string][];
  sellers: Set<number>;
}

/**
 * q8, new users who opened an auction: persons grouped per (id, name, 10 s TUMBLE window) joined
 * with auctions grouped per (seller, window) on id = seller and equal windows. Both sides emit
 * once per group when the watermark (max ts − 4 s) passes the window end − 1 (or at the final MAX
 * watermark), so the result is one +I (id, name, window_start) per person who sold in the window
 * they joined.
 */
export function runQ8(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const windows = new Map<number, Window>();
  const fire = (start: number, window: Window) => {
    for (const [id, name] of window.persons) if (window.sellers.has(id)) sink.emit('+I', [id, name, start]);
    windows.delete(start);
  };
  let maxTs = -Infinity;
  while (gen.hasNext()) {
    const type = gen.peekType();
    if (type !== EVENT_PERSON && type !== EVENT_AUCTION) {
      gen.skip();
      continue;
    }
    const ts = gen.peekTimestamp();
    if (ts > maxTs) {
      maxTs = ts;
      for (const [start, window] of windows) if (start + WINDOW_MS - 1 <= maxTs - OUT_OF_ORDERNESS_MS) fire(start, window);
    }
    gen.next();
    const start = windowStart(ts, WINDOW_MS);
    let window = windows.get(start);
    if (window === undefined) {
      window = { persons: [], sellers: new Set() };
      windows.set(start, window);
    }
    if (type === EVENT_PERSON) window.persons.push([gen.person.id, gen.person.name]);
    else window.sellers.add(gen.auction.seller);
  }
  for (const [start, window] of windows) fire(start, window);
}
