import { describe, expect, it } from 'vitest';
import { toggleVersion, versionPair } from './version-selection';

describe('toggleVersion', () => {
  it('ticks up to two versions and unticks one clicked again', () => {
    expect(toggleVersion([], 3)).toEqual([3]);
    expect(toggleVersion([3], 1)).toEqual([3, 1]);
    expect(toggleVersion([3, 1], 3)).toEqual([1]);
  });

  it('drops the version ticked first when a third is ticked', () => {
    expect(toggleVersion([3, 1], 2)).toEqual([1, 2]);
  });
});

describe('versionPair', () => {
  it('puts the older version first, whichever was ticked first', () => {
    expect(versionPair([4, 2])).toEqual({ a: 2, b: 4 });
    expect(versionPair([2, 4])).toEqual({ a: 2, b: 4 });
  });

  it('has no pair until two versions are ticked', () => {
    expect(versionPair([])).toBeNull();
    expect(versionPair([5])).toBeNull();
  });
});
