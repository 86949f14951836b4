import { describe, expect, it } from 'vitest';
import type { NexmarkBid } from '../../src/connectors/nexmark';
import { allBids, finalRows, RecordingSink, smallConfig } from './oracle-test-support';
import { runQ11 } from './q11';
import { runQ12 } from './q12';
import { runQ15 } from './q15';
import { runQ16 } from './q16';
import { runQ17 } from './q17';

const byString = (a: unknown[], b: unknown[]) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

function groupBy<K>(bids: NexmarkBid[], key: (b: NexmarkBid) => K): Map<K, NexmarkBid[]> {
  const groups = new Map<K, NexmarkBid[]>();
  for (const b of bids) {
    const k = key(b);
    const group = groups.get(k);
    if (group) group.push(b);
    else groups.set(k, [b]);
  }
  return groups;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('q11 sessions', () => {
  // 100 events/s of event time: 200 s, so bidders have several sessions.
  const config = smallConfig({ 'first-event.rate': '100' });
  const bids = allBids(config);

  it('matches sessions cut where a bidder pauses more than 10 s', () => {
    const expected: unknown[][] = [];
    for (const [bidder, own] of groupBy(bids, (b) => b.bidder)) {
      let start = own[0].dateTime;
      let last = start;
      let count = 0;
      for (const b of own) {
        if (b.dateTime - last > 10_000) {
          expected.push([bidder, count, start, last + 10_000]);
          start = b.dateTime;
          count = 0;
        }
        last = b.dateTime;
        count++;
      }
      expected.push([bidder, count, start, last + 10_000]);
    }
    const sink = new RecordingSink();
    runQ11(config, sink);
    expect(sink.changes.every((c) => c.kind === '+I')).toBe(true);
    expect(sink.rows().sort(byString)).toEqual(expected.sort(byString));
    expect(expected.length).toBeGreaterThan(new Set(bids.map((b) => b.bidder)).size);
    expect(sink.rows().reduce((sum, row) => sum + (row[1] as number), 0)).toBe(bids.length);
  });
});

describe('q12 processing-time windows', () => {
  it('counts bids per bidder in every window the clock passed and drops the open one', () => {
    const config = smallConfig();
    const t0 = Date.UTC(2024, 5, 1);
    const sink = new RecordingSink();
    // One millisecond per bid: each 10 s window holds 10,000 bids.
    runQ12(config, sink, (n) => t0 + n);
    const bids = allBids(config);
    expect(bids.length).toBeGreaterThan(10_000);
    expect(bids.length).toBeLessThan(20_000);
    const expected = [...groupBy(bids.slice(0, 10_000), (b) => b.bidder)].map(([bidder, own]) => [bidder, own.length, t0, t0 + 10_000]);
    expect(sink.rows().sort(byString)).toEqual(expected.sort(byString));
  });
});

describe('unbounded aggregates', () => {
  // One event per second from 20:00 UTC: 20,000 s of event time crosses midnight.
  const config = smallConfig({ 'first-event.rate': '1', 'base-time': String(Date.UTC(2024, 0, 1, 20)) });
  const bids = allBids(config);

  function distinct(own: NexmarkBid[], column: 'bidder' | 'auction'): number[] {
    const all = new Set(own.map((b) => b[column])).size;
    const rank = (lo: number, hi: number) => new Set(own.filter((b) => b.price >= lo && b.price < hi).map((b) => b[column])).size;
    return [all, rank(0, 1e4), rank(1e4, 1e6), rank(1e6, Infinity)];
  }

  function counts(own: NexmarkBid[]): number[] {
    const rank = (lo: number, hi: number) => own.filter((b) => b.price >= lo && b.price < hi).length;
    return [own.length, rank(0, 1e4), rank(1e4, 1e6), rank(1e6, Infinity)];
  }

  it('q15 ends with one row per day holding the distinct counts', () => {
    const expected = [...groupBy(bids, (b) => day(b.dateTime))].map(([d, own]) => [d, ...counts(own), ...distinct(own, 'bidder'), ...distinct(own, 'auction')]);
    expect(expected).toHaveLength(2);
    expect(finalRows(runQ15, config).sort(byString)).toEqual(expected.sort(byString));
    const sink = new RecordingSink();
    runQ15(config, sink);
    expect(sink.rows('+I')).toHaveLength(2);
    expect(sink.rows('-U')).toHaveLength(bids.length - 2);
    expect(sink.rows('+U')).toHaveLength(bids.length - 2);
  });

  it('q16 ends with one row per channel and day, with the latest HH:mm', () => {
    const groups = groupBy(bids, (b) => `${b.channel}|${day(b.dateTime)}`);
    const expected = [...groups].map(([key, own]) => {
      const minute = own.map((b) => new Date(b.dateTime).toISOString().slice(11, 16)).sort().at(-1);
      return [...key.split('|'), minute, ...counts(own), ...distinct(own, 'bidder'), ...distinct(own, 'auction')];
    });
    const rows = finalRows(runQ16, config);
    expect(rows.sort(byString)).toEqual(expected.sort(byString));
    expect(rows.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(bids.length);
  });

  it('q17 ends with per auction and day min, max, truncated avg and sum', () => {
    const expected = [...groupBy(bids, (b) => `${b.auction}|${day(b.dateTime)}`)].map(([key, own]) => {
      const prices = own.map((b) => b.price);
      const sum = prices.reduce((a, b) => a + b, 0);
      const [auction, d] = key.split('|');
      return [Number(auction), d, ...counts(own), Math.min(...prices), Math.max(...prices), Math.floor(sum / own.length), sum];
    });
    expect(finalRows(runQ17, config).sort(byString)).toEqual(expected.sort(byString));
  });
});
