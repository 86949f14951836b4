import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-support/evaluate';

// [expression, expected value]; `s` is 'Hello World', `ns` a NULL string, `i` 42, `ni` a NULL INT.
const CASES: [string, unknown][] = [
  ['UPPER(s)', 'HELLO WORLD'], ['LOWER(s)', 'hello world'], ['UPPER(ns)', null], ['CHAR_LENGTH(s)', 11], ['CHARACTER_LENGTH(ns)', null],
  ["s || '!'", 'Hello World!'], ["ns || '!'", null], ["POSITION('o' IN s)", 5], ["POSITION('z' IN s)", 0], ["POSITION('' IN s)", 1],
  ["TRIM(BOTH 'H' FROM s)", 'ello World'], ["TRIM('  a  ')", 'a'], ["TRIM(LEADING 'xy' FROM 'xyxaxy')", 'axy'], ["TRIM(TRAILING FROM ' a ')", ' a'],
  ["LTRIM('  a ')", 'a '], ["RTRIM(' a  ')", ' a'], ["BTRIM('/www.apache.org/', '/')", 'www.apache.org'], ['LTRIM(ns)', null],
  ["REPEAT('ab', 3)", 'ababab'], ["REPEAT('ab', -1)", ''], ["REGEXP_REPLACE('foobar', 'oo|ar', '')", 'fb'], ["REGEXP_REPLACE('a1b2', '(\\d)', '<$1>')", 'a<1>b<2>'],
  ["OVERLAY('xxxxxtest' PLACING 'xxxx' FROM 6)", 'xxxxxxxxx'], ["OVERLAY('xxxxxtest' PLACING 'xxxx' FROM 6 FOR 2)", 'xxxxxxxxxst'],
  ['SUBSTRING(s FROM 2 FOR 3)', 'ell'], ['SUBSTRING(s, -5)', 'World'], ['SUBSTR(s, 7)', 'World'], ['SUBSTRING(s, 2, -1)', null], ['SUBSTRING(s, 20)', ''],
  ["REPLACE('ababab', 'abab', 'z')", 'zab'], ["REPLACE('a$b', '$', '$$')", 'a$$b'],
  ["REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2)", 'bar'], ["REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 3)", null], ["REGEXP_EXTRACT('x', 'y')", null],
  ["REGEXP_EXTRACT('a=1&channel_id=7&b', '(&|^)channel_id=([^&]*)', 2)", '7'],
  ["REGEXP_EXTRACT_ALL('a1b22', '(\\d+)')", ['1', '22']], ["REGEXP_COUNT('abab', 'ab')", 2], ["REGEXP_INSTR('xxab', 'ab')", 3], ["REGEXP_SUBSTR('xxab', 'a.')", 'ab'],
  ["REGEXP('abc', 'b')", true], ["REGEXP('abc', '^b')", false], ["'abc' SIMILAR TO 'a(b|c)c'", true], ["'abd' NOT SIMILAR TO 'a(b|c)c'", true],
  ["TRANSLATE('www.apache.org', 'wapcheorg', ' APCHEcom')", '   .APACHE.com'], ["INITCAP('hello wORLD-x')", 'Hello World-X'],
  ["CONCAT('AA', 'BB', 'CC')", 'AABBCC'], ["CONCAT('AA', ns)", null], ["CONCAT_WS('~', 'AA', ns, 'BB', '', 'CC')", 'AA~BB~~CC'], ["CONCAT_WS(ns, 'a')", null],
  ["LPAD('hi', 4, '??')", '??hi'], ["LPAD('hi', 1, '??')", 'h'], ["RPAD('hi', 4, '??')", 'hi??'], ["RPAD('hi', -1, '?')", null],
  ["FROM_BASE64('aGVsbG8gd29ybGQ=')", 'hello world'], ["TO_BASE64('hello world')", 'aGVsbG8gd29ybGQ='], ["ASCII('abc')", 97], ["ASCII('')", 0],
  ['CHR(97)', 'a'], ['CHR(353)', 'a'], ["DECODE(ENCODE('Flink', 'UTF-8'), 'UTF-8')", 'Flink'], ["DECODE(UNHEX('466C696E6B'), 'UTF-8')", 'Flink'],
  ["INSTR('hello', 'l')", 3], ["LEFT('hello', 2)", 'he'], ["LEFT('hello', -1)", ''], ["RIGHT('hello', 2)", 'lo'], ["LOCATE('l', 'hello')", 3], ["LOCATE('l', 'hello', 4)", 4],
  ["URL_ENCODE('a b&c')", 'a+b%26c'], ["URL_DECODE('a+b%26c')", 'a b&c'], ["URL_DECODE('%zz')", null], ["INET_ATON('127.0.0.1')", 2130706433], ["INET_ATON('127.1')", 2130706433],
  ['INET_NTOA(2130706433)', '127.0.0.1'], ["PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'HOST')", 'facebook.com'],
  ["PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1')", 'v1'], ["PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'FILE')", '/path1/p.php?k1=v1&k2=v2'],
  ["REVERSE('abc')", 'cba'], ["SPLIT_INDEX('a,b,,c', ',', 2)", ''], ["SPLIT_INDEX('a,b,c', ',', 3)", null], ["SPLIT_INDEX('a,b', ',', -1)", null], ["SPLIT_INDEX('a##b', '##', 1)", 'b'],
  ["STR_TO_MAP('a=1,b=2,c')", new Map([['a', '1'], ['b', '2'], ['c', null]])], ["STARTSWITH('abc', 'ab')", true], ["ENDSWITH('abc', '')", true],
  ["JSON_QUOTE('a\"b')", '"a\\"b"'], ['JSON_UNQUOTE(\'"a\\u0041"\')', 'aA'], ["ELT(2, 'scala-1', 'java-2', 'go-3')", 'java-2'], ["ELT(4, 'a')", null],
  ["PRINTF('%05d-%s-%.2f', 42, ns, 1.5e0)", '00042-null-1.50'], ["IS_ALPHA('abc')", true], ["IS_DIGIT('12a')", false], ["IS_DECIMAL('-1.5e3')", true], ['IS_ALPHA(ns)', false],
];

describe('string functions', () => {
  it.each(CASES)('%s', (sql, expected) => {
    const result = evaluate(sql);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual(expected);
  });

  it('rejects an invalid literal regular expression at planning time', () => {
    expect(evaluate("REGEXP_EXTRACT(s, '(')").error).toMatch(/invalid regular expression/);
  });
});
