import { beforeAll, describe, expect, it } from 'vitest';
import type { NexmarkAuction, NexmarkBid, NexmarkPerson } from './nexmark-events';
import { EVENT_AUCTION, EVENT_PERSON, NexmarkGenerator } from './nexmark-generator';
import { parseNexmarkOptions } from './nexmark-options';
import { splitConfig } from './nexmark-split';

const EVENTS = 100_000;

interface Sample {
  persons: NexmarkPerson[];
  auctions: NexmarkAuction[];
  bids: (NexmarkBid & { eventId: number })[];
}

function sample(): Sample {
  const config = parseNexmarkOptions({ 'events.num': String(EVENTS) });
  const gen = new NexmarkGenerator(config, splitConfig(config, 1)[0]);
  const out: Sample = { persons: [], auctions: [], bids: [] };
  while (gen.hasNext()) {
    const eventId = gen.peekEventId();
    const type = gen.next();
    if (type === EVENT_PERSON) out.persons.push({ ...gen.person });
    else if (type === EVENT_AUCTION) out.auctions.push({ ...gen.auction });
    else out.bids.push({ ...gen.bid, eventId });
  }
  return out;
}

function share<T>(items: T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

/** Expected padding length range for `remaining` = avg − current size (GENERATOR.md §4). */
function extraRange(remaining: number): [number, number] {
  if (remaining < 0) return [0, 0];
  const delta = Math.round(remaining * 0.2);
  return [remaining - delta, remaining + Math.max(delta - 1, 0)];
}

describe('Nexmark distributions over 100k events', () => {
  let s: Sample;
  beforeAll(() => {
    s = sample();
  });

  it('splits events 1 / 3 / 46', () => {
    expect(s.persons.length).toBe(2000);
    expect(s.auctions.length).toBeGreaterThanOrEqual(5999);
    expect(s.auctions.length).toBeLessThanOrEqual(6001);
    expect(s.persons.length + s.auctions.length + s.bids.length).toBe(EVENTS);
  });

  it('sends about half of the bids to the hot auction of their epoch', () => {
    const hot = share(s.bids, (b) => b.auction === Math.floor((Math.floor(b.eventId / 50) * 3 + 2) / 100) * 100 + 1000);
    expect(hot).toBeGreaterThan(0.49);
    expect(hot).toBeLessThan(0.52);
  });

  it('gives about 3/4 of the bids to the hot bidder (offset by 2000)', () => {
    const hot = share(s.bids, (b) => b.bidder === Math.floor(Math.floor(b.eventId / 50) / 100) * 100 + 1 + 2000);
    expect(hot).toBeGreaterThan(0.74);
    expect(hot).toBeLessThan(0.76);
  });

  it('draws log-uniform prices on [100, 1e8] with median near 1e5', () => {
    const prices = s.bids.map((b) => b.price).sort((a, b) => a - b);
    expect(prices[0]).toBeGreaterThanOrEqual(100);
    expect(prices[prices.length - 1]).toBeLessThanOrEqual(100_000_000);
    const median = prices[prices.length >> 1];
    expect(median).toBeGreaterThan(80_000);
    expect(median).toBeLessThan(125_000);
    expect(s.bids.every((b) => Number.isInteger(b.price))).toBe(true);
    expect(share(s.bids, (b) => b.price < 10_000)).toBeCloseTo(1 / 3, 1);
  });

  it('gives auctions categories 10..14, reserve above initial bid, and hot sellers 3/4 of the time', () => {
    const categories = new Map<number, number>();
    for (const a of s.auctions) categories.set(a.category, (categories.get(a.category) ?? 0) + 1);
    expect([...categories.keys()].sort()).toEqual([10, 11, 12, 13, 14]);
    for (const count of categories.values()) expect(count / s.auctions.length).toBeCloseTo(0.2, 1);
    expect(s.auctions.every((a) => a.reserve > a.initialBid)).toBe(true);
    expect(share(s.auctions, (a) => a.seller % 100 === 0)).toBeGreaterThan(0.74);
  });

  it('makes auctions expire within twice the horizon (166–167 ms at 10k events/s)', () => {
    const lifetimes = s.auctions.map((a) => a.expires - a.dateTime);
    expect(Math.min(...lifetimes)).toBe(1);
    expect(Math.max(...lifetimes)).toBeLessThanOrEqual(334);
    expect(Math.max(...lifetimes)).toBeGreaterThan(320);
  });

  it('pads extra to the average sizes (§5–§7)', () => {
    expect(s.bids.every((b) => b.extra.length >= 54 && b.extra.length <= 81)).toBe(true);
    for (const p of s.persons) {
      const [min, max] = extraRange(200 - (8 + p.name.length + p.emailAddress.length + p.creditCard.length + p.city.length + p.state.length));
      expect(p.extra.length).toBeGreaterThanOrEqual(min);
      expect(p.extra.length).toBeLessThanOrEqual(max);
    }
    for (const a of s.auctions) {
      const [min, max] = extraRange(500 - (8 + a.itemName.length + a.description.length + 40));
      expect(a.extra.length).toBeGreaterThanOrEqual(min);
      expect(a.extra.length).toBeLessThanOrEqual(max);
    }
    expect(s.bids.every((b) => /^[H-z]+$/.test(b.extra))).toBe(true);
  });

  it('shapes person strings as Flink does', () => {
    for (const p of s.persons) {
      // A part made only of spaces trims to nothing, in Flink too.
      expect(p.emailAddress).toMatch(/^(?:[a-z](?:[a-z ]*[a-z])?)?@(?:[a-z](?:[a-z ]*[a-z])?)?\.com$/);
      expect(p.creditCard).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      expect(p.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    }
    expect(new Set(s.persons.map((p) => p.state)).size).toBe(6);
    expect(new Set(s.persons.map((p) => p.city)).size).toBe(10);
  });

  it('keeps nextString lengths and trims its spaces', () => {
    for (const a of s.auctions) {
      expect(a.itemName.length).toBeGreaterThanOrEqual(1);
      expect(a.itemName.length).toBeLessThanOrEqual(19);
      expect(a.description.length).toBeLessThanOrEqual(99);
      expect(a.description).toBe(a.description.trim());
    }
    expect(Math.max(...s.auctions.map((a) => a.itemName.length))).toBe(19);
  });

  it('uses hot channels for half of the bids and has channel_id in about 45 %', () => {
    expect(share(s.bids, (b) => ['Google', 'Facebook', 'Baidu', 'Apple'].includes(b.channel))).toBeCloseTo(0.5, 1);
    const withId = share(s.bids, (b) => b.url.includes('&channel_id='));
    expect(withId).toBeGreaterThan(0.43);
    expect(withId).toBeLessThan(0.47);
  });
});
