import { commonType, isString, simple, varchar, withNullability, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { callHelper, checkArgs, defineFunction, helperFunction, STRING } from '../signature';

const INT = simple('INT');
const BOOLEAN = simple('BOOLEAN');
const sameAsFirst = (args: DataType[]): DataType => (isString(args[0]) ? args[0] : STRING);

/** Flink's SUBSTRING: 1-based, a negative start counts from the end, a negative length gives NULL. */
function substring(text: string, pos: number, length?: number): string | null {
  if (length !== undefined && length < 0) return null;
  const n = text.length;
  let start = 0;
  if (pos > 0) {
    start = pos - 1;
    if (start >= n) return '';
  } else if (pos < 0) {
    start = Math.max(0, n + pos);
  }
  return text.slice(start, length === undefined || n - start < length ? n : start + length);
}

function overlay(text: string, replacement: string, pos: number, length = replacement.length): string {
  const start = Math.max(0, pos - 1);
  return text.slice(0, start) + replacement + text.slice(Math.max(start, start + length));
}

function initcap(text: string): string {
  let out = '';
  let start = true;
  for (const ch of text) {
    const alnum = /[\p{L}\p{Nd}]/u.test(ch);
    out += alnum ? (start ? ch.toUpperCase() : ch.toLowerCase()) : ch;
    start = !alnum;
  }
  return out;
}

function translate(text: string, from: string, to: string): string {
  let out = '';
  for (const ch of text) {
    const index = from.indexOf(ch);
    if (index < 0) out += ch;
    else if (index < to.length) out += to[index];
  }
  return out;
}

const CONCAT_WS: ScalarFunction = {
  name: 'CONCAT_WS',
  strict: false,
  infer(args) {
    const problem = checkArgs('CONCAT_WS', args, 1, Infinity, ['string']);
    return problem ?? { result: withNullability(STRING, args[0].nullable) };
  },
  // NULL strings are skipped; only a NULL separator makes the result NULL.
  generate: (args) => `(${args[0]} === null ? null : [${args.slice(1).join(', ')}].filter((s) => s !== null).join(${args[0]}))`,
};

const ELT: ScalarFunction = {
  name: 'ELT',
  strict: false,
  infer(args) {
    const problem = checkArgs('ELT', args, 2, Infinity, ['integer', 'binaryOrString']);
    if (problem) return problem;
    let type: DataType | undefined = args[1];
    for (const arg of args.slice(2)) type = type && commonType(type, arg);
    if (!type) return 'the values of ELT have no common type';
    return { result: withNullability(type, true), coerceTo: [undefined, ...args.slice(1).map(() => type)] };
  },
  generate: (args) => `(${args[0]} === null || ${args[0]} < 1 || ${args[0]} > ${args.length - 1} ? null : [${args.slice(1).join(', ')}][${args[0]} - 1])`,
};

/** Case, length, search, concatenation and substring functions over strings. */
export const TEXT_FUNCTIONS: ScalarFunction[] = [
  defineFunction({ name: 'UPPER', arity: [1, 1], args: ['string'], result: sameAsFirst, generate: (a) => `${a[0]}.toUpperCase()` }),
  defineFunction({ name: 'LOWER', arity: [1, 1], args: ['string'], result: sameAsFirst, generate: (a) => `${a[0]}.toLowerCase()` }),
  defineFunction({ name: 'CHAR_LENGTH', arity: [1, 1], args: ['string'], result: INT, generate: (a) => `${a[0]}.length` }),
  defineFunction({ name: 'CONCAT', arity: [1, Infinity], args: ['string'], result: STRING, generate: (a) => `(${a.join(' + ')})` }),
  CONCAT_WS,
  ELT,
  defineFunction({ name: 'POSITION', arity: [2, 2], args: ['string'], result: INT, generate: (a) => `(${a[1]}.indexOf(${a[0]}) + 1)` }),
  defineFunction({ name: 'INSTR', arity: [2, 2], args: ['string'], result: INT, generate: (a) => `(${a[0]}.indexOf(${a[1]}) + 1)` }),
  defineFunction({
    name: 'LOCATE', arity: [2, 3], args: ['string', 'string', 'integer'], result: INT,
    generate: (a) => (a.length === 2 ? `(${a[1]}.indexOf(${a[0]}) + 1)` : `(${a[1]}.indexOf(${a[0]}, Math.max(0, ${a[2]} - 1)) + 1)`),
  }),
  defineFunction({ name: 'STARTSWITH', arity: [2, 2], args: ['binaryOrString'], result: BOOLEAN, generate: (a, t, _r, ctx) => (t[0].kind === 'BYTES' ? callHelper(ctx, (x: Uint8Array, p: Uint8Array) => Buffer.from(x).subarray(0, p.length).equals(p), a) : `${a[0]}.startsWith(${a[1]})`) }),
  defineFunction({ name: 'ENDSWITH', arity: [2, 2], args: ['binaryOrString'], result: BOOLEAN, generate: (a, t, _r, ctx) => (t[0].kind === 'BYTES' ? callHelper(ctx, (x: Uint8Array, p: Uint8Array) => p.length <= x.length && Buffer.from(x).subarray(x.length - p.length).equals(p), a) : `${a[0]}.endsWith(${a[1]})`) }),
  defineFunction({ name: 'LEFT', arity: [2, 2], args: ['string', 'integer'], result: STRING, generate: (a) => `(${a[1]} <= 0 ? '' : ${a[0]}.slice(0, ${a[1]}))` }),
  defineFunction({ name: 'RIGHT', arity: [2, 2], args: ['string', 'integer'], result: STRING, generate: (a) => `(${a[1]} <= 0 ? '' : ${a[0]}.slice(Math.max(0, ${a[0]}.length - ${a[1]})))` }),
  defineFunction({ name: 'REPEAT', arity: [2, 2], args: ['string', 'integer'], result: STRING, generate: (a) => `${a[0]}.repeat(Math.max(0, ${a[1]}))` }),
  defineFunction({ name: 'REVERSE', arity: [1, 1], args: ['string'], result: STRING, generate: (a) => `[...${a[0]}].reverse().join('')` }),
  defineFunction({ name: 'REPLACE', arity: [3, 3], args: ['string'], result: STRING, generate: (a) => `${a[0]}.replaceAll(${a[1]}, () => ${a[2]})` }),
  helperFunction('TRANSLATE', [3, 3], ['string'], STRING, translate),
  helperFunction('INITCAP', [1, 1], ['string'], STRING, initcap),
  helperFunction('SUBSTRING', [2, 3], ['string', 'integer'], varchar(), substring, 'always'),
  helperFunction('OVERLAY', [3, 4], ['string', 'string', 'integer'], STRING, overlay),
];

/** Aliases: the same function under another name. */
export const TEXT_ALIASES: Record<string, string> = { CHARACTER_LENGTH: 'CHAR_LENGTH', SUBSTR: 'SUBSTRING' };
