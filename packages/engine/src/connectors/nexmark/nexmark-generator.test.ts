import { describe, expect, it } from 'vitest';
import { eventRow } from './event-row';
import { EVENT_AUCTION, EVENT_BID, EVENT_PERSON, NexmarkGenerator } from './nexmark-generator';
import { parseNexmarkOptions, type NexmarkConfig } from './nexmark-options';
import { splitConfig } from './nexmark-split';
import { javaIntAbs, nexmarkTables, reverseBits32 } from './nexmark-tables';

const BASE = Date.UTC(2024, 0, 1);

function generator(options: Record<string, string>, numSplits = 1, index = 0): NexmarkGenerator {
  const config: NexmarkConfig = parseNexmarkOptions(options);
  return new NexmarkGenerator(config, splitConfig(config, numSplits)[index]);
}

/** [eventId, type, id] of the non-bid events among the first `count`. */
function nonBidIds(gen: NexmarkGenerator, count: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < count; i++) {
    const eventId = gen.peekEventId();
    const type = gen.next();
    if (type === EVENT_PERSON) out.push([eventId, type, gen.person.id]);
    if (type === EVENT_AUCTION) out.push([eventId, type, gen.auction.id]);
  }
  return out;
}

describe('NexmarkGenerator ids and timeline', () => {
  it('numbers split 0 from event id 2 with Flink\'s person and auction ids', () => {
    const gen = generator({ 'events.num': '1000' });
    expect(gen.peekEventId()).toBe(2);
    expect(nonBidIds(gen, 100)).toEqual([
      [2, EVENT_AUCTION, 1001], [3, EVENT_AUCTION, 1002],
      [50, EVENT_PERSON, 1001], [51, EVENT_AUCTION, 1003], [52, EVENT_AUCTION, 1004], [53, EVENT_AUCTION, 1005],
      [100, EVENT_PERSON, 1002], [101, EVENT_AUCTION, 1006],
    ]);
  });

  it('numbers split 2 of 8 from its own id block', () => {
    const gen = generator({ 'events.num': '800' }, 8, 2);
    expect(gen.peekEventId()).toBe(202);
    expect(nonBidIds(gen, 52)).toEqual([
      [202, EVENT_AUCTION, 1013], [203, EVENT_AUCTION, 1014],
      [250, EVENT_PERSON, 1005], [251, EVENT_AUCTION, 1015], [252, EVENT_AUCTION, 1016], [253, EVENT_AUCTION, 1017],
    ]);
  });

  it('stamps events on the split timeline: floor(eventNumber × 800 µs) / 1000 with 8 splits', () => {
    const gen = generator({ 'events.num': '800' }, 8, 2);
    const stamps: number[] = [];
    for (let i = 0; i < 5; i++) {
      stamps.push(gen.peekTimestamp() - BASE);
      gen.next();
    }
    expect(stamps).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives bids of the first epoch the hot auction 1000 and hot bidder 2001 (the +2000 quirk)', () => {
    const gen = generator({ 'events.num': '50' });
    const auctions = new Set<number>();
    const bidders = new Set<number>();
    while (gen.hasNext()) {
      if (gen.next() !== EVENT_BID) continue;
      auctions.add(gen.bid.auction);
      bidders.add(gen.bid.bidder);
    }
    expect(auctions.has(1000)).toBe(true);
    expect(bidders.has(2001)).toBe(true);
    expect(Math.min(...bidders)).toBeGreaterThanOrEqual(2000);
  });

  it('stops at maxEvents and at stop-at', () => {
    const bounded = generator({ 'events.num': '10' });
    let n = 0;
    while (bounded.hasNext()) {
      bounded.skip();
      n++;
    }
    expect(n).toBe(10);
    const stopped = generator({ 'events.num': '100', 'stop-at': '20' }, 2, 1);
    while (stopped.hasNext()) stopped.skip();
    expect(stopped.position()).toBe(10);
  });
});

describe('NexmarkGenerator determinism', () => {
  function rows(gen: NexmarkGenerator, count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(JSON.stringify(eventRow(gen, gen.next())));
    return out;
  }

  it('repeats itself for the same seed and differs for another', () => {
    const a = rows(generator({ 'events.num': '5000' }), 5000);
    expect(rows(generator({ 'events.num': '5000' }), 5000)).toEqual(a);
    const other = rows(generator({ 'events.num': '5000', seed: '1' }), 5000);
    expect(other.filter((row, i) => row !== a[i]).length).toBeGreaterThan(4900);
  });

  it('generates the same event after skipping or restoring a position', () => {
    const sequential = rows(generator({ 'events.num': '3000' }), 3000);
    const jumping = generator({ 'events.num': '3000' });
    for (let i = 0; i < 3000; i++) {
      if (i % 7 === 3) {
        jumping.skip();
        continue;
      }
      if (i % 11 === 5) jumping.setPosition(i);
      expect(JSON.stringify(eventRow(jumping, jumping.next()))).toBe(sequential[i]);
    }
  });

  it('generates an event identically in any split layout (ids are global, seeds per event)', () => {
    const one = generator({ 'events.num': '800', 'first-event.rate': '1000' });
    const eight = generator({ 'events.num': '800', 'first-event.rate': '1000' }, 8, 0);
    for (let i = 0; i < 100; i++) {
      const type = one.next();
      expect(eight.next()).toBe(type);
      if (type === EVENT_BID) expect({ ...eight.bid, dateTime: 0 }).toEqual({ ...one.bid, dateTime: 0 });
    }
  });

  it('leaves only extra empty when extra is not materialized', () => {
    const config = parseNexmarkOptions({ 'events.num': '500' });
    const full = new NexmarkGenerator(config, splitConfig(config, 1)[0]);
    const lean = new NexmarkGenerator(config, splitConfig(config, 1)[0], { extra: false });
    for (let i = 0; i < 500; i++) {
      const row = eventRow(full, full.next()) as (unknown[] | null)[];
      const leanRow = eventRow(lean, lean.next()) as (unknown[] | null)[];
      const nested = row.findIndex((v, k) => k > 0 && v !== null);
      const expected = [...(row[nested] as unknown[])];
      expected[expected.length - 1] = '';
      expect(leanRow[nested]).toEqual(expected);
    }
  });
});

describe('static tables', () => {
  it('reverses bits like Integer.reverse and keeps abs(MIN_VALUE) negative', () => {
    expect(reverseBits32(1)).toBe(-2147483648);
    expect(javaIntAbs(reverseBits32(1))).toBe(-2147483648);
    expect(reverseBits32(2)).toBe(1 << 30);
    expect(javaIntAbs(reverseBits32(3))).toBe(1073741824);
    expect(reverseBits32(0)).toBe(0);
  });

  it('builds 4 hot URLs and 10,000 channel URLs with three [a-z_] path segments', () => {
    const tables = nexmarkTables();
    const shape = /^https:\/\/www\.nexmark\.com\/[a-z_]{3,4}\/[a-z_]{3,4}\/[a-z_]{3,4}\/item\.htm\?query=1(&channel_id=-?\d+)?$/;
    expect(tables.hotUrls).toHaveLength(4);
    expect(tables.hotUrls.every((url) => shape.test(url) && !url.includes('channel_id'))).toBe(true);
    expect(tables.channelUrls).toHaveLength(10_000);
    expect(tables.channelUrls.every((url) => shape.test(url))).toBe(true);
    const withId = tables.channelUrls.filter((url, k) => url.endsWith(`&channel_id=${javaIntAbs(reverseBits32(k))}`)).length;
    const anyId = tables.channelUrls.filter((url) => url.includes('&channel_id=')).length;
    expect(withId).toBe(anyId);
    expect(anyId / 10_000).toBeGreaterThan(0.88);
    expect(anyId / 10_000).toBeLessThan(0.92);
    expect(tables.channelNames[42]).toBe('channel-42');
  });

  it('builds the 1 MiB base string from chars 72..122 (Java\'s negative remainders)', () => {
    const { baseString } = nexmarkTables();
    expect(baseString).toHaveLength(1 << 20);
    let min = 255;
    let max = 0;
    for (let i = 0; i < baseString.length; i += 97) {
      min = Math.min(min, baseString.charCodeAt(i));
      max = Math.max(max, baseString.charCodeAt(i));
    }
    expect(min).toBe(72);
    expect(max).toBe(122);
  });
});
