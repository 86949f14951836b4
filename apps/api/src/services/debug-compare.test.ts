import { describe, expect, it } from 'vitest';
import { compareRows } from './debug-compare';

describe('compareRows', () => {
  it('pairs equal rows as multisets, whatever their key order, and keeps the rest on their side', () => {
    const a = [{ id: 1, total: 10 }, { id: 1, total: 10 }, { id: 2, total: 5 }];
    const b = [{ total: 10, id: 1 }, { id: 2, total: 6 }, { id: 3, total: 1 }];
    expect(compareRows(a, b)).toEqual({ onlyInA: [{ id: 1, total: 10 }, { id: 2, total: 5 }], onlyInB: [{ id: 2, total: 6 }, { id: 3, total: 1 }], same: 1 });
  });
});
