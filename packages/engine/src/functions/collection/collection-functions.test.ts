import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-support/evaluate';

const CASES: [string, unknown][] = [
  ['CARDINALITY(ARRAY[1, 2])', 2], ["CARDINALITY(MAP['a', 1])", 1], ['ARRAY[1, 2][2]', 2], ['ARRAY[1, 2][3]', null], ["MAP['a', 1]['b']", null], ['ELEMENT(ARRAY[7])', 7],
  ['ARRAY_APPEND(ARRAY[1], ni)', [1, null]], ['ARRAY_PREPEND(ARRAY[1], 0)', [0, 1]], ['ARRAY_CONTAINS(ARRAY[1, ni], ni)', true], ['ARRAY_CONTAINS(ARRAY[1], 2)', false],
  ['ARRAY_DISTINCT(ARRAY[1, 2, 1])', [1, 2]], ['ARRAY_POSITION(ARRAY[5, 6], 6)', 2], ['ARRAY_REMOVE(ARRAY[1, 2, 1], 1)', [2]], ['ARRAY_REVERSE(ARRAY[1, 2])', [2, 1]],
  ['ARRAY_SLICE(ARRAY[1, 2, 3, 4], 2, 3)', [2, 3]], ['ARRAY_SLICE(ARRAY[1, 2, 3, 4], -2)', [3, 4]], ['ARRAY_SORT(ARRAY[3, ni, 1])', [null, 1, 3]],
  ['ARRAY_SORT(ARRAY[3, ni, 1], FALSE)', [3, 1, null]], ['ARRAY_UNION(ARRAY[1, 2], ARRAY[2, 3])', [1, 2, 3]], ['ARRAY_CONCAT(ARRAY[1], ARRAY[2], ARRAY[1])', [1, 2, 1]],
  ['ARRAY_EXCEPT(ARRAY[1, 2, 2, 3], ARRAY[3])', [1, 2]], ['ARRAY_INTERSECT(ARRAY[1, 2, 2], ARRAY[2])', [2]], ['ARRAY_MAX(ARRAY[1, 5, ni])', 5], ['ARRAY_MIN(ARRAY[4, 2])', 2],
  ["ARRAY_JOIN(ARRAY['a', ns, 'b'], ',')", 'a,b'], ["ARRAY_JOIN(ARRAY['a', ns], ',', '?')", 'a,?'], ["MAP_KEYS(MAP['a', 1, 'b', 2])", ['a', 'b']],
  ["MAP_VALUES(MAP['a', 1])", [1]], ["MAP_ENTRIES(MAP['a', 1])", [['a', 1]]], ["MAP_FROM_ARRAYS(ARRAY['a'], ARRAY[1])", new Map([['a', 1]])],
  ["MAP_UNION(MAP['a', 1], MAP['a', 2, 'b', 3])", new Map([['a', 2], ['b', 3]])], ["SPLIT('a,b', ',')", ['a', 'b']], ["SPLIT('ab', '')", ['a', 'b']],
  ['ROW(1, s)', [1, 'Hello World']], ['(1, 2)', [1, 2]], ['t.r.f', 7], ["OBJECT_OF('com.example.User', 'name', 'Bob', 'age', 21)", ['Bob', 21]],
  ["OBJECT_UPDATE(OBJECT_OF('com.example.User', 'name', 'Bob', 'age', 14), 'name', 'Alice')", ['Alice', 14]],
];

describe('collection and value construction functions', () => {
  it.each(CASES)('%s', (sql, expected) => {
    const result = evaluate(sql);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual(expected);
  });

  it('fails ELEMENT of an array with several elements', () => {
    expect(evaluate('ELEMENT(ARRAY[1, 2])').thrown).toMatch(/more than one/);
  });
});
