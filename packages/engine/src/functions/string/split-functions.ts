import type { ScalarFunction } from '../scalar-function';
import { defineFunction, helperFunction, STRING } from '../signature';
import { javaRegex } from './java-regex';

/**
 * SPLIT_INDEX as Flink's commons-lang splitByWholeSeparatorPreserveAllTokens: empty tokens are
 * kept, an empty input has no tokens, an empty separator splits on whitespace. Single-character
 * separators scan without building the token array (Nexmark q22 calls this per row).
 */
function splitIndex(text: string, separator: string, index: number): string | null {
  if (index < 0 || text === '') return null;
  if (separator === '') {
    const tokens = text.split(/\s+/).filter((t) => t !== '');
    return index < tokens.length ? tokens[index] : null;
  }
  let start = 0;
  for (let i = 0; i < index; i++) {
    const found = text.indexOf(separator, start);
    if (found < 0) return null;
    start = found + separator.length;
  }
  const end = text.indexOf(separator, start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}

// A literal single character needs no regular expression.
function delimiterPattern(delimiter: string): string | RegExp | null {
  return delimiter.length === 1 && !'.$|()[{^?*+\\'.includes(delimiter) ? delimiter : javaRegex(delimiter, true);
}

// Java's String.split(regex, -1): every piece, trailing empty strings included.
function javaSplit(text: string, delimiter: string): string[] {
  const pattern = delimiterPattern(delimiter);
  return pattern === null ? [text] : text.split(pattern);
}

// Java's String.split(regex, 2): the text before the first match and everything after it.
function splitOnce(text: string, delimiter: string): [string, string | null] {
  const pattern = delimiterPattern(delimiter);
  if (pattern === null) return [text, null];
  if (typeof pattern === 'string') {
    const at = text.indexOf(pattern);
    return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
  }
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  return match ? [text.slice(0, match.index), text.slice(match.index + match[0].length)] : [text, null];
}

/** Flink's STR_TO_MAP: both delimiters are regular expressions; a pair without value maps to NULL. */
function strToMap(text: string, pairDelimiter = ',', keyValueDelimiter = '='): Map<string, string | null> {
  const map = new Map<string, string | null>();
  if (text === '') return map;
  for (const pair of javaSplit(text, pairDelimiter)) {
    const [key, value] = splitOnce(pair, keyValueDelimiter);
    map.set(key, value);
  }
  return map;
}

/** SPLIT as Flink documents it: the whole string when the delimiter is absent, each character for ''. */
function split(text: string, delimiter: string): string[] {
  if (delimiter === '') return [...text];
  return text.split(delimiter);
}

/** SPLIT_INDEX, STR_TO_MAP and SPLIT. */
export const SPLIT_FUNCTIONS: ScalarFunction[] = [
  helperFunction('SPLIT_INDEX', [3, 3], ['string', 'string', 'integer'], STRING, splitIndex, 'always'),
  helperFunction('STR_TO_MAP', [1, 3], ['string'], { kind: 'MAP', key: STRING, value: STRING, nullable: true }, strToMap),
  defineFunction({ name: 'SPLIT', arity: [2, 2], args: ['string'], result: { kind: 'ARRAY', element: STRING, nullable: true }, generate: (a, _t, _r, ctx) => `${ctx.constant(split)}(${a.join(', ')})` }),
];
