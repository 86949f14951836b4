import { describe, expect, it } from 'vitest';
import { ChangelogDigest } from './changelog-digest';

const COLUMNS = ['BIGINT', 'DECIMAL(23, 3)', 'TIMESTAMP(3)', 'VARCHAR'];

describe('ChangelogDigest', () => {
  it('formats decimals with their scale, timestamps as UTC text, strings quoted, null as null', () => {
    const digest = new ChangelogDigest(COLUMNS);
    expect(digest.canonical([1, 90800, Date.UTC(2024, 0, 1, 13, 5, 7, 9), 'a"b'])).toBe('1,90.800,2024-01-01 13:05:07.009,"a\\"b"');
    expect(digest.canonical([null, -5, 0, 'null'])).toBe('null,-0.005,1970-01-01 00:00:00.000,"null"');
    expect(digest.canonical([2n, 1234n, null, null])).toBe('2,1.234,null,null');
    expect(() => digest.canonical([1])).toThrow(/1 columns, expected 4/);
  });

  it('is independent of row order and equal for the same multiset', () => {
    const a = new ChangelogDigest(COLUMNS);
    const b = new ChangelogDigest(COLUMNS);
    const rows = [[1, 100, 0, 'x'], [2, 200, 1, 'y'], [1, 100, 0, 'x']];
    for (const row of rows) a.emit('+I', row);
    for (const row of [...rows].reverse()) b.emit('+I', row);
    expect(a.equals(b)).toBe(true);
    expect(a.summary()).toEqual(b.summary());
    expect(a.summary().finalRowCount).toBe(3);
  });

  it('materializes updates: −U/+U replace, and only the final result counts', () => {
    const updates = new ChangelogDigest(['VARCHAR', 'BIGINT']);
    updates.emit('+I', ['k', 1]);
    updates.emit('-U', ['k', 1]);
    updates.emit('+U', ['k', 2]);
    updates.emit('+I', ['gone', 7]);
    updates.emit('-D', ['gone', 7]);
    const direct = new ChangelogDigest(['VARCHAR', 'BIGINT']);
    direct.emit('+I', ['k', 2]);
    expect(updates.equals(direct)).toBe(true);
    expect(updates.summary().rowsEmitted).toBe(5);
    expect([...updates.finalRows()]).toEqual([['"k",2', 1]]);
    const other = new ChangelogDigest(['VARCHAR', 'BIGINT']);
    other.emit('+I', ['k', 3]);
    expect(updates.equals(other)).toBe(false);
  });

  it('rejects removing a row that is not in the result', () => {
    const digest = new ChangelogDigest(['BIGINT']);
    digest.emit('+I', [1]);
    expect(() => digest.emit('-U', [2])).toThrow(/not in the result/);
    const lean = new ChangelogDigest(['BIGINT'], { materialize: false });
    expect(() => lean.emit('-D', [1])).toThrow(/empty result/);
  });
});

describe('ChangelogDigest without materialization', () => {
  it('hashes rows value by value to the same digest as the canonical text', () => {
    const rows: unknown[][] = [
      [1, 90800, Date.UTC(2024, 0, 1, 13, 5, 7, 9), 'a"b'],
      [-12, -5, 0, 'tab\there'],
      [null, 1234n, null, null],
      [2 ** 53 + 2, 0, 1, '\ud800 lone'],
      [0.5, 7, -1, ''],
      [true, 1, 1, 'plain'],
    ];
    const kept = new ChangelogDigest(COLUMNS);
    const lean = new ChangelogDigest(COLUMNS, { materialize: false });
    for (const row of rows) {
      kept.emit('+I', row);
      lean.emit('+I', row);
    }
    lean.emit('-D', rows[0]);
    kept.emit('-D', rows[0]);
    expect(lean.summary()).toEqual(kept.summary());
  });
});
