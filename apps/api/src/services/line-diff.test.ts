import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('a line diff between two versions', () => {
  it('keeps common lines and numbers the removed and added ones on their own side', () => {
    const a = 'CREATE TABLE s (id INT);\nINSERT INTO k\nSELECT id\nFROM s;';
    const b = 'CREATE TABLE s (id INT);\nINSERT INTO k\nSELECT id + 1\nFROM s\nWHERE id > 0;';
    expect(lineDiff(a, b)).toEqual([
      { kind: 'same', text: 'CREATE TABLE s (id INT);', a: 1, b: 1 },
      { kind: 'same', text: 'INSERT INTO k', a: 2, b: 2 },
      { kind: 'removed', text: 'SELECT id', a: 3 },
      { kind: 'removed', text: 'FROM s;', a: 4 },
      { kind: 'added', text: 'SELECT id + 1', b: 3 },
      { kind: 'added', text: 'FROM s', b: 4 },
      { kind: 'added', text: 'WHERE id > 0;', b: 5 },
    ]);
  });

  it('is all the same for equal texts', () => {
    expect(lineDiff('x\ny', 'x\ny').every((l) => l.kind === 'same')).toBe(true);
  });
});
