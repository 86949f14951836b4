import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-support/evaluate';

// `d` is DECIMAL(10, 2) 123.45 (unscaled 12345), `i` INT 42, `ni` a NULL INT.
const CASES: [string, unknown, string?][] = [
  ['POWER(2, 10)', 1024, 'DOUBLE NOT NULL'], ['ABS(-5)', 5, 'INT NOT NULL'], ['ABS(ni)', null], ['SQRT(16)', 4], ['LN(E())', 1], ['LOG10(1000)', 3], ['LOG2(8)', 3],
  ['LOG(2, 8)', 3], ['LOG(ni)', null], ['EXP(0)', 1], ['CEIL(1.2)', 2, 'DECIMAL(2, 0) NOT NULL'], ['CEILING(-1.2e0)', -1], ['FLOOR(d)', 123, 'DECIMAL(10, 0)'],
  ['SIN(0)', 0], ['COS(0)', 1], ['TAN(0)', 0], ['COT(1)', 1 / Math.tan(1)], ['ATAN2(1, 1)', Math.PI / 4], ['DEGREES(PI())', 180], ['RADIANS(180)', Math.PI],
  ['SIGN(-3)', -1], ['SIGN(d)', 100, 'DECIMAL(10, 2)'], ['ROUND(d, 1)', 1235, 'DECIMAL(10, 1)'], ['ROUND(1.25, 1)', 13], ['ROUND(1234, -2)', 1200], ['ROUND(2.5e0, 0)', 3],
  ['TRUNCATE(42.324, 2)', 4232], ['TRUNCATE(42.324e0)', 42], ['MOD(7, 3)', 1], ['MOD(-7, 3)', -1], ['RAND_INTEGER(1, 10)', 5], ['BIN(12)', '1100'], ['BIN(-1)', '1'.repeat(64)],
  ['HEX(100)', '64'], ["HEX('hello,world')", '68656C6C6F2C776F726C64'], ["UNHEX('zz')", null], ['PI()', Math.PI, 'DOUBLE NOT NULL'],
];

describe('numeric functions', () => {
  it.each(CASES)('%s', (sql, expected, type) => {
    const result = evaluate(sql);
    expect(result.error).toBeUndefined();
    if (typeof expected === 'number' && !Number.isInteger(expected)) expect(result.value).toBeCloseTo(expected, 12);
    else expect(result.value).toEqual(expected);
    if (type) expect(result.type).toBe(type);
  });

  it('gives java.util.Random sequences for a seeded RAND', () => {
    expect(evaluate('RAND(0)').value).toBeCloseTo(0.730967787376657, 15);
  });

  it('fails on a division by zero in MOD', () => {
    expect(evaluate('MOD(i, 0)').thrown).toMatch(/division by zero/);
  });
});
