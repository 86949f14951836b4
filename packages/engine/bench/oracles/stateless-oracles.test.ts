import { describe, expect, it } from 'vitest';
import { javaIntAbs, reverseBits32 } from '../../src/connectors/nexmark/nexmark-tables';
import { allBids, digestOf, RecordingSink, smallConfig } from './oracle-test-support';
import { Q0_COLUMNS, runQ0 } from './q0';
import { Q1_COLUMNS, runQ1 } from './q1';
import { runQ2 } from './q2';
import { countChar, runQ14 } from './q14';
import { extractChannelId, runQ21 } from './q21';
import { runQ22, splitTokens, tokenAt } from './q22';

const config = smallConfig();
const bids = allBids(config);

describe('pass-through oracles', () => {
  it('q0 emits every bid once, as inserts', () => {
    const sink = new RecordingSink();
    runQ0(config, sink);
    expect(sink.changes).toHaveLength(bids.length);
    expect(bids.length).toBe(18400);
    expect(sink.rows()).toEqual(bids.map((b) => [b.auction, b.bidder, b.price, b.dateTime, b.extra]));
  });

  it('q0 and q1 are deterministic and differ only in the price column', () => {
    expect(digestOf(runQ0, Q0_COLUMNS, config).summary()).toEqual(digestOf(runQ0, Q0_COLUMNS, config).summary());
    const sink = new RecordingSink();
    runQ1(config, sink);
    expect(sink.rows().map((r) => r[2])).toEqual(bids.map((b) => b.price * 908));
    expect(digestOf(runQ1, Q1_COLUMNS, config).canonical(sink.rows()[0])).toMatch(/^\d+,\d+,\d+\.\d{3},2024-01-01 00:00:00\.\d{3},"/);
  });

  it('q2 keeps exactly the bids of every 123rd auction', () => {
    const sink = new RecordingSink();
    runQ2(config, sink);
    const expected = bids.filter((b) => b.auction % 123 === 0).map((b) => [b.auction, b.price]);
    expect(expected.length).toBeGreaterThan(0);
    expect(sink.rows()).toEqual(expected);
  });
});

describe('q14', () => {
  it('keeps 1e6 < 0.908 × price < 5e7 and counts the c chars of extra', () => {
    const sink = new RecordingSink();
    runQ14(config, sink);
    const expected = bids.filter((b) => 0.908 * b.price > 1e6 && 0.908 * b.price < 5e7);
    expect(sink.rows()).toHaveLength(expected.length);
    for (const [i, row] of sink.rows().entries()) {
      const b = expected[i];
      expect(row).toEqual([b.auction, b.bidder, b.price * 908, 'nightTime', b.dateTime, b.extra, b.extra.split('c').length - 1]);
    }
    expect(sink.rows().some((row) => (row[6] as number) > 0)).toBe(true);
  });

  it.each([
    ['2024-01-01T12:00:00Z', 'dayTime'],
    ['2024-01-01T19:30:00Z', 'otherTime'],
    ['2024-01-01T07:00:00Z', 'otherTime'],
    ['2024-01-01T22:00:00Z', 'nightTime'],
  ])('classifies bids at %s as %s by UTC hour', (iso, expected) => {
    const sink = new RecordingSink();
    runQ14(smallConfig({ 'base-time': String(Date.parse(iso)) }), sink);
    expect(new Set(sink.rows().map((row) => row[3]))).toEqual(new Set([expected]));
  });

  it('count_char counts one char', () => {
    expect(countChar('cacbcc', 'c')).toBe(4);
    expect(countChar('', 'c')).toBe(0);
  });
});

describe('q21 and q22', () => {
  it('q21 maps hot channels to 0..3 and takes channel_id = abs(Integer.reverse(k)) from the url', () => {
    const sink = new RecordingSink();
    runQ21(config, sink);
    const hot: Record<string, string> = { Apple: '0', Google: '1', Facebook: '2', Baidu: '3' };
    const expected = bids.filter((b) => b.channel in hot || b.url.includes('&channel_id='));
    expect(sink.rows()).toHaveLength(expected.length);
    for (const [i, row] of sink.rows().entries()) {
      const b = expected[i];
      const k = Number(b.channel.replace('channel-', ''));
      const channelId = hot[b.channel] ?? String(javaIntAbs(reverseBits32(k)));
      expect(row).toEqual([b.auction, b.bidder, b.price, b.channel, channelId]);
    }
    expect(expected.length / bids.length).toBeGreaterThan(0.9);
  });

  it('REGEXP_EXTRACT finds group 2 after & or the start, else null', () => {
    expect(extractChannelId('https://x/a?query=1&channel_id=-2147483648')).toBe('-2147483648');
    expect(extractChannelId('channel_id=7&b=1')).toBe('7');
    expect(extractChannelId('https://x/a?query=1')).toBeNull();
    expect(extractChannelId('https://x/a?xchannel_id=5')).toBeNull();
  });

  it('q22 emits the three URL path segments of every bid', () => {
    const sink = new RecordingSink();
    runQ22(config, sink);
    expect(sink.rows()).toHaveLength(bids.length);
    const segments = /^https:\/\/www\.nexmark\.com\/([a-z_]{3,4})\/([a-z_]{3,4})\/([a-z_]{3,4})\/item\.htm/;
    for (const [i, row] of sink.rows().entries()) {
      const b = bids[i];
      const [, dir1, dir2, dir3] = segments.exec(b.url) ?? [];
      expect(row).toEqual([b.auction, b.bidder, b.price, b.channel, dir1, dir2, dir3]);
    }
  });

  it('SPLIT_INDEX keeps empty tokens and returns null out of range', () => {
    const tokens = splitTokens('a//b/', '/');
    expect([0, 1, 2, 3, 4, -1].map((i) => tokenAt(tokens, i))).toEqual(['a', '', 'b', '', null, null]);
    expect(tokenAt(splitTokens('', '/'), 0)).toBeNull();
  });
});
