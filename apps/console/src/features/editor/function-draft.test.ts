import { describe, expect, it } from 'vitest';
import { sameFunctions, splitArgumentTypes, toFunctionDraft, toFunctionSource } from './function-draft';

describe('function drafts', () => {
  it('split argument types at top-level commas only', () => {
    expect(splitArgumentTypes('STRING, DECIMAL(10, 2), MAP<STRING, INT>,ARRAY<ROW<a INT, b STRING>>')).toEqual([
      'STRING',
      'DECIMAL(10, 2)',
      'MAP<STRING, INT>',
      'ARRAY<ROW<a INT, b STRING>>',
    ]);
    expect(splitArgumentTypes('  ')).toBeUndefined();
  });

  it('round-trip a saved function, and tell an edited one apart', () => {
    const saved = [{ identifier: 'com.example.F', language: 'javascript' as const, source: '(a, b) => a + b', resultType: 'BIGINT', argumentTypes: ['BIGINT', 'BIGINT'] }];
    const drafts = saved.map(toFunctionDraft);
    expect(drafts[0]?.argumentTypes).toBe('BIGINT, BIGINT');
    expect(drafts.map(toFunctionSource)).toEqual(saved);
    expect(sameFunctions(drafts, saved)).toBe(true);
    expect(sameFunctions([{ ...drafts[0]!, source: '(a, b) => a - b' }], saved)).toBe(false);
    expect(sameFunctions([{ ...drafts[0]!, argumentTypes: '' }], saved)).toBe(false);
  });
});
