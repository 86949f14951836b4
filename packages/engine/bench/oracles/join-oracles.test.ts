import { describe, expect, it } from 'vitest';
import type { NexmarkAuction, NexmarkBid } from '../../src/connectors/nexmark';
import { allEvents, finalRows, RecordingSink, smallConfig, sorted } from './oracle-test-support';
import { runQ20 } from './q20';
import { runQ23 } from './q23';
import { runQ3 } from './q3';
import { runQ4 } from './q4';
import { runQ9 } from './q9';

const config = smallConfig();
const { persons, auctions, bids } = allEvents(config);

/** Brute force: every (auction, bid) pair of the q4/q9 join, bids in source order. */
function qualifyingBids(a: NexmarkAuction): NexmarkBid[] {
  return bids.filter((b) => b.auction === a.id && b.dateTime >= a.dateTime && b.dateTime <= a.expires);
}

describe('join oracles', () => {
  it('q3 joins category-10 auctions with OR/ID/CA sellers', () => {
    const expected = auctions.flatMap((a) => {
      const p = persons.find((person) => person.id === a.seller);
      return a.category === 10 && p && ['OR', 'ID', 'CA'].includes(p.state) ? [[p.name, p.city, p.state, a.id]] : [];
    });
    const sink = new RecordingSink();
    runQ3(config, sink);
    expect(expected.length).toBeGreaterThan(10);
    expect(sink.changes.every((c) => c.kind === '+I')).toBe(true);
    expect(sorted(sink.rows())).toEqual(sorted(expected));
  });

  it('q20 joins every bid with its category-10 auction', () => {
    const byId = new Map(auctions.map((a) => [a.id, a]));
    const expected = bids.flatMap((b) => {
      const a = byId.get(b.auction);
      if (!a || a.category !== 10) return [];
      return [[b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra, a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra]];
    });
    const sink = new RecordingSink();
    runQ20(config, sink);
    expect(expected.length).toBeGreaterThan(100);
    expect(sorted(sink.rows())).toEqual(sorted(expected));
  });

  it('q23 emits one row per (bid, person with id = bidder, auction sold by bidder)', () => {
    const big = allEvents(smallConfig({ 'events.num': '100000' }));
    const personIds = new Set(big.persons.map((p) => p.id));
    const auctionsBySeller = new Map<number, number>();
    for (const a of big.auctions) auctionsBySeller.set(a.seller, (auctionsBySeller.get(a.seller) ?? 0) + 1);
    let expected = 0;
    for (const b of big.bids) if (personIds.has(b.bidder)) expected += auctionsBySeller.get(b.bidder) ?? 0;
    const sink = new RecordingSink();
    runQ23(smallConfig({ 'events.num': '100000' }), sink);
    expect(expected).toBeGreaterThan(1000);
    expect(sink.rows()).toHaveLength(expected);
    for (const row of sink.rows().slice(0, 200)) {
      expect(row[5]).toBe(row[0]);
      expect(row[18]).toBe(row[0]);
    }
  }, 30_000);

  it('q4 ends with the truncated average winning price per category', () => {
    const finals = new Map<number, number[]>();
    for (const a of auctions) {
      const qualifying = qualifyingBids(a);
      if (qualifying.length === 0) continue;
      const list = finals.get(a.category) ?? [];
      list.push(Math.max(...qualifying.map((b) => b.price)));
      finals.set(a.category, list);
    }
    const expected = [...finals].map(([category, list]) => [category, Math.floor(list.reduce((x, y) => x + y, 0) / list.length)]);
    expect(expected).toHaveLength(5);
    expect(sorted(finalRows(runQ4, config))).toEqual(sorted(expected));
  });

  it('q9 ends with each auction\'s highest (then earliest, then first) qualifying bid', () => {
    const expected = auctions.flatMap((a) => {
      const qualifying = qualifyingBids(a);
      if (qualifying.length === 0) return [];
      const best = qualifying.reduce((w, b) => (b.price > w.price || (b.price === w.price && b.dateTime < w.dateTime) ? b : w));
      return [[a.id, a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra, best.auction, best.bidder, best.price, best.dateTime, best.extra]];
    });
    expect(expected.length).toBeGreaterThan(100);
    const sink = new RecordingSink();
    runQ9(config, sink);
    expect(sink.rows('-D').length).toBeGreaterThan(0);
    expect(sorted(finalRows(runQ9, config))).toEqual(sorted(expected));
  });
});
