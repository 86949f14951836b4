import { describe, expect, it } from 'vitest';
import { StateMap, type SnapshotEntry } from './state-map';

/** Drives a writer to the end one entry per step, running `between` after each step as processing would. */
function writeAll(writer: ReturnType<StateMap<unknown>['beginSnapshot']>, between: (step: number) => void = () => undefined): SnapshotEntry[] {
  const out: SnapshotEntry[] = [];
  for (let step = 0; !writer.finished; step++) {
    writer.step(1, (entry) => out.push(structuredClone(entry)));
    between(step);
  }
  return out.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe('StateMap snapshots', () => {
  it('a full snapshot holds every value as it was at the cut, however the map changes while it is written', () => {
    const map = new StateMap<number[]>();
    map.set('a', [1]).set('b', [2]).set('c', [3]);
    const writer = map.beginSnapshot(false);
    const entries = writeAll(writer, (step) => {
      if (step === 0) {
        (map.get('c') as number[]).push(30);
        map.delete('b');
        map.set('d', [4]);
      }
    });
    expect(entries).toEqual([['a', [1]], ['b', [2]], ['c', [3]]]);
    expect([...map.entries()]).toEqual([['a', [1]], ['c', [3, 30]], ['d', [4]]]);
  });

  it('a delta holds the keys touched since the previous snapshot, deletions as tombstones', () => {
    const map = new StateMap<number>();
    map.trackChanges();
    map.set('a', 1).set('b', 2);
    writeAll(map.beginSnapshot(false));
    map.set('a', 10);
    map.delete('b');
    map.get('untouched-read');
    const delta = writeAll(map.beginSnapshot(true), (step) => {
      if (step === 0) map.set('a', 11);
    });
    expect(delta).toEqual([['a', 10], ['b'], ['untouched-read']]);
    // The change made while the delta was written belongs to the next one.
    expect(writeAll(map.beginSnapshot(true))).toEqual([['a', 11]]);
  });

  it('an aborted delta gives its keys back, and a savepoint leaves the change record alone', () => {
    const map = new StateMap<number>();
    map.trackChanges();
    map.set('a', 1);
    map.beginSnapshot(true).abort();
    map.set('b', 2);
    expect(writeAll(map.beginDetachedSnapshot())).toEqual([['a', 1], ['b', 2]]);
    expect(writeAll(map.beginSnapshot(true))).toEqual([['a', 1], ['b', 2]]);
  });

  it('loads a chain of snapshots in order, tombstones deleting', () => {
    const map = new StateMap<number>();
    map.load([['a', 1], ['b', 2]]);
    map.load([['a', 3], ['b']]);
    expect([...map.entries()]).toEqual([['a', 3]]);
  });
});
