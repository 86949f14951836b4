import { describe, expect, it } from 'vitest';
import type { LookupSource } from '../../connectors/connector';
import { readLookupCacheSpec } from '../../connectors/lookup-options';
import type { Row } from '../../runtime/row';
import { MemoryStateBackend } from '../../runtime/state-backend';
import { LookupCache } from './lookup-cache';

/** A dimension table of `k,k*10` for k < 5 that counts how often it is asked. */
function countingSource(): LookupSource & { lookups: number; loads: number } {
  const rows: Row[] = [0, 1, 2, 3, 4].map((k) => [k, k * 10]);
  return {
    lookups: 0,
    loads: 0,
    lookup(key) {
      this.lookups++;
      return rows.filter((r) => r[0] === key[0]);
    },
    loadAll() {
      this.loads++;
      return rows;
    },
  };
}

function cache(options: Record<string, string>, source: LookupSource, clock: { now: number }): LookupCache {
  const state = new MemoryStateBackend();
  return new LookupCache(readLookupCacheSpec(options, 'NONE').spec, source, {
    entries: state.namespace('cache'),
    get: () => state.get('lookup', 'loadedAt') as number | undefined,
    set: (ms) => state.put('lookup', 'loadedAt', ms),
  }, (row) => JSON.stringify([row[0]]), (key) => JSON.stringify(key), () => clock.now);
}

describe('LookupCache', () => {
  it('PARTIAL keeps at most max-rows keys, evicting the least recently used', () => {
    const source = countingSource();
    const c = cache({ 'lookup.cache': 'PARTIAL', 'lookup.partial-cache.max-rows': '2' }, source, { now: 0 });
    expect(c.getAll([[1], [2]])).toEqual([[[1, 10]], [[2, 20]]]);
    c.getAll([[1]]);
    expect(source.lookups).toBe(2);
    c.getAll([[3]]); // evicts 2, used longest ago
    c.getAll([[1]]);
    expect(source.lookups).toBe(3);
    c.getAll([[2]]);
    expect(source.lookups).toBe(4);
  });

  it('PARTIAL caches missing keys only with cache-missing-key and expires entries after write', () => {
    const source = countingSource();
    const clock = { now: 0 };
    const c = cache({ 'lookup.cache': 'PARTIAL', 'lookup.partial-cache.cache-missing-key': 'false', 'lookup.partial-cache.expire-after-write': '10 s' }, source, clock);
    expect(c.getAll([[9], [9]])).toEqual([[], []]);
    expect(source.lookups).toBe(2);
    c.getAll([[1]]);
    clock.now = 9_999;
    c.getAll([[1]]);
    expect(source.lookups).toBe(3);
    clock.now = 10_000;
    c.getAll([[1]]);
    expect(source.lookups).toBe(4);
  });

  it('FULL loads the table once and reloads it after the periodic interval', () => {
    const source = countingSource();
    const clock = { now: 0 };
    const c = cache({ 'lookup.cache': 'FULL', 'lookup.full-cache.periodic-reload.interval': '1 min' }, source, clock);
    expect(c.getAll([[4], [7]])).toEqual([[[4, 40]], []]);
    clock.now = 59_999;
    c.getAll([[1]]);
    expect([source.loads, source.lookups]).toEqual([1, 0]);
    clock.now = 60_000;
    c.getAll([[1]]);
    expect(source.loads).toBe(2);
  });

  it('NONE asks the source for every key', () => {
    const source = countingSource();
    const c = cache({}, source, { now: 0 });
    c.getAll([[1], [1]]);
    expect(source.lookups).toBe(2);
  });
});
