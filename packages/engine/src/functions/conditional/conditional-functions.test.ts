import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-support/evaluate';

const CASES: [string, unknown, string?][] = [
  ["COALESCE(ns, 'default')", 'default', 'STRING NOT NULL'], ['COALESCE(ni, ni)', null], ['NULLIF(5, 5)', null], ['NULLIF(5, 0)', 5], ['IF(5 > 3, 5, 3)', 5],
  ['IFNULL(ni, 5)', 5, 'INT NOT NULL'], ['GREATEST(1, 5, 3)', 5], ['LEAST(1, 5, 3)', 1], ['GREATEST(1, ni)', null], ['12 BETWEEN SYMMETRIC 15 AND 12', true],
  ['12 BETWEEN 15 AND 12', false], ['12 BETWEEN 10 AND ni', null], ['12 BETWEEN ni AND 10', false], ['12 BETWEEN SYMMETRIC ni AND 12', null], ['12 NOT BETWEEN SYMMETRIC 12 AND ni', null],
  ['1 IN (1, 2, ni)', true], ['4 IN (1, 2, ni)', null], ['1 IS DISTINCT FROM ni', true], ["TYPEOF(s)", 'STRING'], ['TYPEOF(1)', 'INT NOT NULL'],
  ["CAST('42' AS INT)", 42], ["TRY_CAST('x' AS INT)", null], ['CURRENT_DATABASE()', 'default_database'], ["MD5('abc')", '900150983cd24fb0d6963f7d28e17f72'],
  ["SHA256('abc')", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'], ["SHA2('abc', 224)", '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7'], ["SHA2('abc', 100)", null],
];

describe('conditional, comparison, conversion and hash functions', () => {
  it.each(CASES)('%s', (sql, expected, type) => {
    const result = evaluate(sql);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual(expected);
    if (type) expect(result.type).toBe(type);
  });
});
