import { describe, expect, it } from 'vitest';
import { redactSecrets, secretReferences, substituteSecrets } from './secrets';

const SQL = "CREATE TABLE t (a INT) WITH (\n  'connector' = 'jdbc',\n  'password' = '${secret.PG_PASSWORD}', 'user' = '${secret.PG_USER}'\n);";

describe('secret references', () => {
  it('are found with their line and column', () => {
    expect(secretReferences(SQL)).toEqual([
      { name: 'PG_PASSWORD', line: 3, column: 17, length: 21 },
      { name: 'PG_USER', line: 3, column: 51, length: 17 },
    ]);
  });

  it('are replaced by their values inside string literals, quotes doubled', () => {
    const values = new Map([['PG_PASSWORD', "it's"], ['PG_USER', 'weir']]);
    expect(substituteSecrets(SQL, values)).toContain("'password' = 'it''s', 'user' = 'weir'");
  });

  it('name a secret that has no value', () => {
    expect(() => substituteSecrets(SQL, new Map([['PG_USER', 'weir']]))).toThrow("secret 'PG_PASSWORD' is not defined in the job's workspace");
  });
});

describe('redactSecrets', () => {
  it('hides every occurrence of every value, the longest first', () => {
    expect(redactSecrets('auth failed for p4ss and p4ssword (p4ssword)', ['p4ss', 'p4ssword'])).toBe('auth failed for *** and *** (***)');
  });
});
