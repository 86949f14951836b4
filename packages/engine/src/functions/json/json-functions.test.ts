import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-support/evaluate';

const CASES: [string, unknown][] = [
  ["'1' IS JSON", true], ["'abc' IS JSON", false], ["'{}' IS JSON OBJECT", true], ["'1' IS JSON ARRAY", false], ["'1' IS JSON SCALAR", true], ["'{}' IS NOT JSON", false], ['ns IS JSON', null],
  ["JSON_EXISTS('{\"a\": true}', '$.a')", true], ["JSON_EXISTS('{\"a\": true}', '$.b')", false], ["JSON_EXISTS('{\"a\": [{ \"b\": 1 }]}', '$.a[0].b')", true],
  ["JSON_EXISTS('{\"a\": true}', 'strict $.b' TRUE ON ERROR)", true], ["JSON_EXISTS('{\"a\": true}', 'strict $.b' FALSE ON ERROR)", false],
  ["JSON_VALUE('{\"a\": 1}', '$.a')", '1'], ["JSON_VALUE('{\"a\": 1}', '$.a' RETURNING INT)", 1], ["JSON_VALUE('{\"a\": 1}', '$.b' DEFAULT 'x' ON EMPTY)", 'x'],
  ["JSON_VALUE('{\"a\": [1]}', '$.a' DEFAULT 'e' ON ERROR)", 'e'], ["JSON_VALUE('{\"a\": true}', '$.a' RETURNING BOOLEAN)", true], ["JSON_VALUE(ns, '$.a')", null],
  ["JSON_QUERY('{\"a\": {\"b\": 1}}', '$.a')", '{"b":1}'], ["JSON_QUERY('[1, 2]', '$' WITH UNCONDITIONAL ARRAY WRAPPER)", '[[1,2]]'],
  ["JSON_QUERY('{}', '$' WITH CONDITIONAL ARRAY WRAPPER)", '{}'], ["JSON_QUERY('{\"a\": 1}', '$.a' WITH CONDITIONAL ARRAY WRAPPER)", '[1]'],
  ["JSON_QUERY('{}', 'lax $.invalid' EMPTY OBJECT ON EMPTY)", '{}'], ["JSON_QUERY('{}', 'strict $.invalid' EMPTY ARRAY ON ERROR)", '[]'],
  ['JSON_OBJECT()', '{}'], ["JSON_OBJECT('K1' VALUE 'V1', 'K2' VALUE 'V2')", '{"K1":"V1","K2":"V2"}'], ["JSON_OBJECT(KEY 'K1' VALUE ns NULL ON NULL)", '{"K1":null}'],
  ["JSON_OBJECT(KEY 'K1' VALUE ns ABSENT ON NULL)", '{}'], ["JSON_OBJECT('K1' VALUE JSON('{\"nested_json\": {\"value\": 42}}'))", '{"K1":{"nested_json": {"value": 42}}}'],
  ["JSON_OBJECT(KEY 'K1' VALUE JSON_OBJECT(KEY 'K2' VALUE 'V'))", '{"K1":{"K2":"V"}}'], ['JSON_ARRAY()', '[]'], ["JSON_ARRAY(1, '2')", '[1,"2"]'],
  ['JSON_ARRAY(ns NULL ON NULL)', '[null]'], ['JSON_ARRAY(ns)', '[]'], ['JSON_ARRAY(JSON_ARRAY(1))', '[[1]]'], ['JSON_STRING(ARRAY[1, 2])', '[1,2]'], ["JSON_STRING('a')", '"a"'],
  ["JSON_TYPE('{\"a\": true}')", 'object'], ["JSON_TYPE('68s')", null], ["JSON_TYPE('{\"a\": [1, 2]}', '$.a')", 'array'], ["JSON_LENGTH('[1,2,3,4,5]')", 5],
  ["JSON_LENGTH('{\"1\": \"hello\", \"2\": \"bye bye\"}', '$.2')", 1], ["JSON_STRING(PARSE_JSON('{\"a\": [1]}')['a'])", '[1]'], ["TRY_PARSE_JSON('{')", null],
];

describe('JSON functions', () => {
  it.each(CASES)('%s', (sql, expected) => {
    const result = evaluate(sql);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual(expected);
  });
});
