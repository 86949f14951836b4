import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q11. */
export const Q11_COLUMNS = ['BIGINT', 'BIGINT', 'TIMESTAMP(3)', 'TIMESTAMP(3)'];

const GAP_MS = 10_000;

interface Session {
  start: number;
  last: number;
  count: number;
}

/**
 * q11, user sessions: legacy GROUP BY bidder, SESSION(dateTime, 10 s). Each bid opens [ts, ts + gap)
 * and merges with the bidder's session when they intersect — TimeWindow.intersects is inclusive,
 * so a bid exactly at the session end still joins it; a session fires once the watermark
 * (max ts − 4 s) passes its end − 1, or at the final MAX watermark, as +I (bidder, count,
 * SESSION_START = first ts, SESSION_END = last ts + gap). Input is in order, so no bid is late and a
 * session that no longer overlaps the next bid of its bidder is final: emitting it then gives the
 * same rows as watermark-driven firing.
 */
export function runQ11(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  const sessions = new Map<number, Session>();
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const ts = bid.dateTime;
    const session = sessions.get(bid.bidder);
    if (session === undefined) {
      sessions.set(bid.bidder, { start: ts, last: ts, count: 1 });
    } else if (ts <= session.last + GAP_MS) {
      session.last = Math.max(session.last, ts);
      session.count++;
    } else {
      sink.emit('+I', [bid.bidder, session.count, session.start, session.last + GAP_MS]);
      session.start = ts;
      session.last = ts;
      session.count = 1;
    }
  }
  for (const [bidder, session] of sessions) sink.emit('+I', [bidder, session.count, session.start, session.last + GAP_MS]);
}
