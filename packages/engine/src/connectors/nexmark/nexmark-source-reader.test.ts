import { describe, expect, it } from 'vitest';
import type { PlanExpr } from '../../plan/plan-expr';
import { eventRow } from './event-row';
import { EVENT_AUCTION, EVENT_BID, NexmarkGenerator } from './nexmark-generator';
import { parseNexmarkOptions } from './nexmark-options';
import { pushedEventType, readsExtra } from './nexmark-push-down';
import { splitConfig } from './nexmark-split';
import { NexmarkSourceReader, type NexmarkReadSpec } from './nexmark-source-reader';

const OPTIONS = { 'events.num': '500', 'first-event.rate': '1000' };

function readAll(spec: NexmarkReadSpec, options: Record<string, string> = OPTIONS): unknown[][] {
  const config = parseNexmarkOptions(options);
  const reader = new NexmarkSourceReader(config, splitConfig(config, 1)[0], spec);
  const rows: unknown[][] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const poll = reader.poll(64, 0);
    rows.push(...poll.rows);
    if (poll.finished) return rows;
  }
  throw new Error('the reader did not finish');
}

function expected(): unknown[][] {
  const config = parseNexmarkOptions(OPTIONS);
  const gen = new NexmarkGenerator(config, splitConfig(config, 1)[0]);
  const rows: unknown[][] = [];
  while (gen.hasNext()) rows.push(eventRow(gen, gen.next()));
  return rows;
}

const eventType: PlanExpr = { kind: 'input', index: 0, type: { kind: 'INT', nullable: true } };
const equals = (value: number): PlanExpr => ({ kind: 'call', op: 'eq', args: [eventType, { kind: 'literal', value, type: { kind: 'INT', nullable: false } }], type: { kind: 'BOOLEAN', nullable: true } });

describe('NexmarkSourceReader', () => {
  it('emits only the pushed-down event type and the projected columns', () => {
    const bids = readAll({ eventType: EVENT_BID, projection: [3, 0], extra: true });
    expect(bids).toEqual(expected().filter((r) => r[0] === EVENT_BID).map((r) => [r[3], r[0]]));
    expect(readAll({ eventType: -1, projection: null, extra: true })).toEqual([]);
  });

  it('leaves extra empty only when it is not read, all other fields unchanged', () => {
    const lean = readAll({ eventType: EVENT_BID, projection: null, extra: false });
    const full = expected().filter((r) => r[0] === EVENT_BID);
    expect(lean.map((r) => (r[3] as unknown[]).slice(0, 6))).toEqual(full.map((r) => (r[3] as unknown[]).slice(0, 6)));
    expect(lean.every((r) => (r[3] as unknown[])[6] === '')).toBe(true);
  });

  it('holds events until their wall-clock due time without max-emit-speed', () => {
    const config = parseNexmarkOptions({ ...OPTIONS, 'max-emit-speed': 'false' });
    const reader = new NexmarkSourceReader(config, splitConfig(config, 1)[0]);
    // 1000 events/s: event n is due n ms after the first poll.
    const first = reader.poll(1000, 10_000);
    expect(first.rows).toHaveLength(0);
    expect(first.nextPollAtMs).toBe(10_001);
    expect(reader.poll(1000, 10_005).rows).toHaveLength(5);
    const later = reader.poll(1000, 10_100);
    expect(later.rows).toHaveLength(95);
    expect(later.nextPollAtMs).toBe(10_101);
    expect(later.finished).toBe(false);
  });
});

describe('nexmark push-down', () => {
  it('reads the event type from event_type = n conjuncts', () => {
    expect(pushedEventType([equals(2)])).toBe(2);
    expect(pushedEventType([equals(1), equals(2)])).toBe(-1);
    expect(pushedEventType(undefined)).toBeNull();
  });

  it('needs extra when any emitted ROW can be read whole or through extra', () => {
    expect(readsExtra(EVENT_BID, undefined, { 3: [0, 2] })).toBe(false);
    expect(readsExtra(EVENT_BID, undefined, { 3: [0, 6] })).toBe(true);
    expect(readsExtra(EVENT_BID, undefined, {})).toBe(true);
    expect(readsExtra(null, [0, 3], { 3: [1] })).toBe(false);
    expect(readsExtra(EVENT_AUCTION, [0, 3], {})).toBe(false);
  });
});
