import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_TIME_MS, NexmarkOptionError, parseNexmarkOptions } from './nexmark-options';
import { splitConfig } from './nexmark-split';

function errorOf(options: Record<string, string>): NexmarkOptionError {
  try {
    parseNexmarkOptions(options);
  } catch (error) {
    if (error instanceof NexmarkOptionError) return error;
    throw error;
  }
  throw new Error('expected a NexmarkOptionError');
}

describe('parseNexmarkOptions', () => {
  it('applies Flink defaults and our fixed base time', () => {
    const config = parseNexmarkOptions({ connector: 'nexmark', 'events.num': '1000' });
    expect(config).toMatchObject({
      firstEventRate: 10000, nextEventRate: 10000, maxEvents: 1000, unbounded: false,
      personProportion: 1, auctionProportion: 3, bidProportion: 46, totalProportion: 50,
      hotAuctionRatio: 2, hotBiddersRatio: 4, hotSellersRatio: 4,
      avgPersonByteSize: 200, avgAuctionByteSize: 500, avgBidByteSize: 100,
      maxEmitSpeed: true, keepAlive: false, stopAt: -1, seed: 0, baseTimeMs: DEFAULT_BASE_TIME_MS,
    });
    expect(new Date(DEFAULT_BASE_TIME_MS).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('reads the harness options', () => {
    const config = parseNexmarkOptions({
      'first-event.rate': '10000000', 'next-event.rate': '10000000', 'events.num': '100000000',
      'person.proportion': '1', 'auction.proportion': '3', 'bid.proportion': '46',
      'max-emit-speed': 'FALSE', 'keep-alive': 'true', 'stop-at': '150000000', seed: '-7', 'base-time': '0',
      'rate.shape': 'SQUARE', 'rate.period': '600 s', 'rate.limited': 'false',
    });
    expect(config).toMatchObject({ firstEventRate: 10_000_000, maxEvents: 100_000_000, maxEmitSpeed: false, keepAlive: true, stopAt: 150_000_000, seed: -7, baseTimeMs: 0 });
  });

  it('turns events.num = 0 into Flink\'s effectively unbounded cap', () => {
    const config = parseNexmarkOptions({});
    expect(config.unbounded).toBe(true);
    // Long.MAX_VALUE / (50 × 500)
    expect(config.maxEvents).toBe(368934881474191);
  });

  it.each([
    ['first-event.rate', '0'],
    ['first-event.rate', 'fast'],
    ['events.num', '-1'],
    ['events.num', '1.5'],
    ['person.proportion', '3000000000'],
    ['bid.hot-ratio.auctions', '0'],
    ['bid.avg-size', ''],
    ['max-emit-speed', 'yes'],
    ['stop-at', '-2'],
    ['rate.limited', 'maybe'],
  ])('rejects %s = %j, naming the option and value', (option, value) => {
    const error = errorOf({ [option]: value });
    expect(error.code).toBe('CONNECTOR_OPTION_INVALID');
    expect(error.domain).toBe('user');
    expect(error.option).toBe(option);
    expect(error.message).toContain(`'${option}'`);
    expect(error.message).toContain(`'${value}'`);
  });

  it('rejects unknown options and all-zero proportions', () => {
    expect(errorOf({ 'events.nums': '5' }).option).toBe('events.nums');
    expect(errorOf({ 'person.proportion': '0', 'auction.proportion': '0', 'bid.proportion': '0' }).option).toBe('bid.proportion');
  });
});

describe('splitConfig', () => {
  it('gives disjoint id blocks, the remainder to the last split, and a per-split rate', () => {
    const splits = splitConfig(parseNexmarkOptions({ 'events.num': '803', 'stop-at': '80' }), 8);
    expect(splits.map((s) => s.firstEventId)).toEqual([1, 101, 201, 301, 401, 501, 601, 701]);
    expect(splits.map((s) => s.maxEvents)).toEqual([100, 100, 100, 100, 100, 100, 100, 103]);
    expect(splits.map((s) => s.stopAt)).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
    expect(splits[0].interEventDelayUs).toBe(800);
  });

  it('keeps stop-at = -1 as -1 in every split', () => {
    expect(splitConfig(parseNexmarkOptions({ 'events.num': '10' }), 8).every((s) => s.stopAt === -1)).toBe(true);
  });
});
