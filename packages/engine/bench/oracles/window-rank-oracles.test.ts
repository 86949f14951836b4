import { describe, expect, it } from 'vitest';
import type { NexmarkBid } from '../../src/connectors/nexmark';
import { allEvents, finalRows, RecordingSink, smallConfig, sorted } from './oracle-test-support';
import { runQ10 } from './q10';
import { runQ13 } from './q13';
import { runQ18 } from './q18';
import { runQ19 } from './q19';
import { runQ5 } from './q5';
import { runQ7 } from './q7';
import { runQ8 } from './q8';

// 1,000 events/s of event time: 20 s, so several windows.
const config = smallConfig({ 'first-event.rate': '1000' });
const { persons, auctions, bids } = allEvents(config);

function byKey<K>(items: NexmarkBid[], key: (b: NexmarkBid) => K): Map<K, NexmarkBid[]> {
  const out = new Map<K, NexmarkBid[]>();
  for (const b of items) out.set(key(b), [...(out.get(key(b)) ?? []), b]);
  return out;
}

describe('windowed oracles', () => {
  it('q5 lists the top auctions of every 10 s window sliding by 2 s', () => {
    const expected: unknown[][] = [];
    const first = Math.floor((bids[0].dateTime - 10_000) / 2000) * 2000;
    for (let start = first; start <= bids[bids.length - 1].dateTime; start += 2000) {
      const inWindow = bids.filter((b) => b.dateTime >= start && b.dateTime < start + 10_000);
      if (inWindow.length === 0) continue;
      const counts = [...byKey(inWindow, (b) => b.auction)].map(([auction, own]) => [auction, own.length]);
      const max = Math.max(...counts.map((c) => c[1]));
      expected.push(...counts.filter((c) => c[1] === max));
    }
    const sink = new RecordingSink();
    runQ5(config, sink);
    expect(sorted(sink.rows())).toEqual(sorted(expected));
  });

  it('q7 joins each 10 s window max with the bids at that price within [end − 10 s, end]', () => {
    const ends = new Set(bids.map((b) => Math.floor(b.dateTime / 10_000) * 10_000 + 10_000));
    const expected: unknown[][] = [];
    for (const end of ends) {
      const max = Math.max(...bids.filter((b) => b.dateTime >= end - 10_000 && b.dateTime < end).map((b) => b.price));
      for (const b of bids) if (b.price === max && b.dateTime >= end - 10_000 && b.dateTime <= end) expected.push([b.auction, b.price, b.bidder, b.dateTime, b.extra]);
    }
    const sink = new RecordingSink();
    runQ7(config, sink);
    expect(expected.length).toBeGreaterThanOrEqual(ends.size);
    expect(sorted(sink.rows())).toEqual(sorted(expected));
  });

  it('q8 finds persons who sold in the 10 s window they joined', () => {
    const window = (ts: number) => Math.floor(ts / 10_000) * 10_000;
    const expected = persons
      .filter((p) => auctions.some((a) => a.seller === p.id && window(a.dateTime) === window(p.dateTime)))
      .map((p) => [p.id, p.name, window(p.dateTime)]);
    const sink = new RecordingSink();
    runQ8(config, sink);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(sink.rows())).toEqual(sorted(expected));
  });
});

describe('rank oracles', () => {
  it('q18 ends with the last bid of every (bidder, auction)', () => {
    const expected = [...byKey(bids, (b) => `${b.bidder}/${b.auction}`).values()].map((own) => {
      const b = own[own.length - 1];
      return [b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra];
    });
    const sink = new RecordingSink();
    runQ18(config, sink);
    expect(sink.rows('+I')).toHaveLength(expected.length);
    expect(sorted(finalRows(runQ18, config))).toEqual(sorted(expected));
  });

  it('q19 ends with the 10 highest bids per auction, ranked, ties in arrival order', () => {
    const expected = [...byKey(bids, (b) => b.auction).values()].flatMap((own) =>
      own
        .map((b, i) => ({ b, i }))
        .sort((x, y) => y.b.price - x.b.price || x.i - y.i)
        .slice(0, 10)
        .map(({ b }, rank) => [b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra, rank + 1]),
    );
    const rows = finalRows(runQ19, config);
    expect(sorted(rows)).toEqual(sorted(expected));
    const sink = new RecordingSink();
    runQ19(config, sink);
    expect(sink.rows('-U').length).toBe(sink.rows('+U').length);
    expect(sink.rows('-U').length).toBeGreaterThan(0);
  });
});

describe('q10 and q13', () => {
  it('q10 adds the UTC day and minute to every bid', () => {
    const sink = new RecordingSink();
    runQ10(config, sink);
    expect(sink.rows()).toHaveLength(bids.length);
    const iso = new Date(bids[5].dateTime).toISOString();
    expect(sink.rows()[5].slice(5)).toEqual([iso.slice(0, 10), iso.slice(11, 16)]);
  });

  it('q13 looks up mod(auction, 10000) in the side input', () => {
    const sink = new RecordingSink();
    runQ13(config, sink);
    expect(sink.rows()).toEqual(bids.map((b) => [b.auction, b.bidder, b.price, b.dateTime, String(b.auction % 10000)]));
  });
});
