import { describe, expect, it } from 'vitest';
import { ChangelogDigest } from './changelog-digest';
import { UpsertMaterializer } from './upsert-materializer';

describe('UpsertMaterializer', () => {
  it('replaces rows by key so the digest sees the upserted table', () => {
    const digest = new ChangelogDigest(['VARCHAR', 'BIGINT']);
    const upsert = new UpsertMaterializer([0], digest);
    upsert.emit('+I', ['a', 1]);
    upsert.emit('+U', ['a', 2]);
    upsert.emit('+I', ['b', 5]);
    upsert.emit('-D', ['b', 5]);
    upsert.emit('+U', ['c', 7]);
    const table = new ChangelogDigest(['VARCHAR', 'BIGINT']);
    table.emit('+I', ['a', 2]);
    table.emit('+I', ['c', 7]);
    expect(digest.equals(table)).toBe(true);
    expect(() => upsert.emit('-D', ['z', 0])).toThrow(/not in the result/);
  });
});
