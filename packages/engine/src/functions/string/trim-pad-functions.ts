import { simple } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { callHelper, defineFunction, STRING } from '../signature';

/** Removes characters found in `chars` (a set, not a substring) from the chosen ends, as Flink's trim. */
function trim(text: string, chars: string, leading: boolean, trailing: boolean): string {
  let start = 0;
  let end = text.length;
  if (leading) while (start < end && chars.includes(text[start])) start++;
  if (trailing) while (end > start && chars.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

// Flink's lpad/rpad: NULL for a negative length or an empty pad; the base is cut to the length.
function pad(text: string, length: number, padding: string, left: boolean): string | null {
  if (length < 0 || padding === '') return null;
  if (length <= text.length) return text.slice(0, length);
  const fill = padding.repeat(Math.ceil((length - text.length) / padding.length)).slice(0, length - text.length);
  return left ? fill + text : text + fill;
}

const sidedTrim = (name: string, leading: boolean, trailing: boolean): ScalarFunction =>
  defineFunction({
    name, arity: [1, 2], args: ['string'], result: STRING,
    generate: (a, _t, _r, ctx) => callHelper(ctx, trim, [a[0], a[1] ?? "' '", String(leading), String(trailing)]),
  });

/** TRIM (special form), LTRIM/RTRIM/BTRIM, LPAD/RPAD. */
export const TRIM_PAD_FUNCTIONS: ScalarFunction[] = [
  defineFunction({
    // Arguments come from the special form: TRIM(BOTH|LEADING|TRAILING, chars, string).
    name: 'TRIM', arity: [3, 3], args: ['symbol', 'string', 'string'], result: STRING,
    generate: (a, _t, _r, ctx) => {
      const mode = ctx.literal(0);
      return callHelper(ctx, trim, [a[2], a[1], String(mode !== 'TRAILING'), String(mode !== 'LEADING')]);
    },
  }),
  sidedTrim('LTRIM', true, false),
  sidedTrim('RTRIM', false, true),
  sidedTrim('BTRIM', true, true),
  defineFunction({ name: 'LPAD', arity: [3, 3], args: ['string', 'integer', 'string'], result: STRING, nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, pad, [...a, 'true']) }),
  defineFunction({ name: 'RPAD', arity: [3, 3], args: ['string', 'integer', 'string'], result: STRING, nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, pad, [...a, 'false']) }),
  // NULL is not alphabetic, a digit string or a decimal: FALSE, never NULL (Flink's isAlpha & co.).
  defineFunction({ name: 'IS_ALPHA', arity: [1, 1], args: ['string'], result: simple('BOOLEAN'), nullable: 'never', strict: false, generate: (a) => `(${a[0]} !== null && /^\\p{L}+$/u.test(${a[0]}))` }),
  defineFunction({ name: 'IS_DIGIT', arity: [1, 1], args: ['string'], result: simple('BOOLEAN'), nullable: 'never', strict: false, generate: (a) => `(${a[0]} !== null && /^\\p{Nd}+$/u.test(${a[0]}))` }),
  defineFunction({ name: 'IS_DECIMAL', arity: [1, 1], args: ['string'], result: simple('BOOLEAN'), nullable: 'never', strict: false, generate: (a) => `(${a[0]} !== null && /^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$/.test(${a[0]}))` }),
];
