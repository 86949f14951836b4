import { describe, expect, it } from 'vitest';
import { estimateBatchBytes, estimateValueBytes } from './row-size';

describe('row size estimate', () => {
  it('counts numbers as 8 bytes, strings by length and sums nested values', () => {
    expect(estimateValueBytes([1, 'abc', null, true, [2, 'de'], new Map([['k', 3]])])).toBe(8 + 3 + 1 + 1 + 10 + 9);
    expect(estimateValueBytes(new Uint8Array(5))).toBe(5);
  });

  it('charges a batch the mean of a few sampled rows per row', () => {
    expect(estimateBatchBytes([])).toBe(0);
    expect(estimateBatchBytes(Array.from({ length: 1000 }, () => [1, 'ab']))).toBe(10_000);
    expect(estimateBatchBytes([['a'], ['abc'], ['a'], ['abc']])).toBe(8);
  });
});
