import { simple, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { callHelper, defineFunction, STRING } from '../signature';
import { checkLiteralRegex, javaRegex, javaReplacement } from './java-regex';

/** Generates a call where a literal pattern is compiled once, at code-generation time. */
function withRegex(patternIndex: number, global: boolean, run: (regex: RegExp | null, ...args: never[]) => unknown) {
  return (args: string[], _types: DataType[], _result: DataType, ctx: Parameters<ScalarFunction['generate']>[3]): string => {
    const literal = ctx.literal(patternIndex);
    const regex = typeof literal === 'string' ? ctx.constant(javaRegex(literal, global)) : `${ctx.constant(javaRegex)}(${args[patternIndex]}, ${global})`;
    const rest = args.filter((_, i) => i !== patternIndex);
    return `${ctx.constant(run)}(${[regex, ...rest].join(', ')})`;
  };
}

const checked = (result: DataType) => (_args: DataType[], literals: readonly unknown[]): DataType | string => checkLiteralRegex(literals[1]) ?? result;

function extract(regex: RegExp | null, text: string, group = 0): string | null {
  if (!regex || group < 0) return null;
  const match = regex.exec(text);
  if (!match || group >= match.length) return null;
  return match[group] ?? null;
}

function extractAll(regex: RegExp | null, text: string, group = 1): string[] | null {
  if (!regex || group < 0) return null;
  const out: string[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (group >= match.length) return null;
    out.push(match[group] ?? null as unknown as string);
    if (match[0] === '') regex.lastIndex++;
  }
  return out;
}

function count(regex: RegExp | null, text: string): number | null {
  if (!regex) return null;
  let n = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    n++;
    if (match[0] === '') regex.lastIndex++;
  }
  return n;
}

const replacements = new Map<string, string>();

function replace(regex: RegExp | null, text: string, replacement: string): string | null {
  if (!regex) return null;
  let js = replacements.get(replacement);
  if (js === undefined) {
    js = javaReplacement(replacement);
    replacements.set(replacement, js);
  }
  return text.replace(regex, js);
}

/** REGEXP_*: Java regular expressions; literal patterns compile once per call site and fail at planning when invalid. */
export const REGEXP_FUNCTIONS: ScalarFunction[] = [
  defineFunction({ name: 'REGEXP_EXTRACT', arity: [2, 3], args: ['string', 'string', 'integer'], result: checked(STRING), nullable: 'always', generate: withRegex(1, false, extract) }),
  defineFunction({ name: 'REGEXP_EXTRACT_ALL', arity: [2, 3], args: ['string', 'string', 'integer'], result: checked({ kind: 'ARRAY', element: STRING, nullable: true }), nullable: 'always', generate: withRegex(1, true, extractAll) }),
  defineFunction({ name: 'REGEXP_REPLACE', arity: [3, 3], args: ['string'], result: checked(STRING), nullable: 'always', generate: withRegex(1, true, replace) }),
  defineFunction({ name: 'REGEXP_COUNT', arity: [2, 2], args: ['string'], result: checked(simple('INT')), nullable: 'always', generate: withRegex(1, true, count) }),
  defineFunction({
    name: 'REGEXP_INSTR', arity: [2, 2], args: ['string'], result: checked(simple('INT')), nullable: 'always',
    generate: withRegex(1, false, (regex: RegExp | null, text: string) => (regex ? (regex.exec(text)?.index ?? -1) + 1 : null)),
  }),
  defineFunction({ name: 'REGEXP_SUBSTR', arity: [2, 2], args: ['string'], result: checked(STRING), nullable: 'always', generate: withRegex(1, false, (regex: RegExp | null, text: string) => extract(regex, text)) }),
  defineFunction({
    name: 'REGEXP', arity: [2, 2], args: ['string'], result: checked(simple('BOOLEAN')),
    generate: withRegex(1, false, (regex: RegExp | null, text: string) => (regex !== null && regex.source !== '(?:)' ? regex.test(text) : false)),
  }),
  defineFunction({
    name: 'SIMILAR TO', arity: [2, 3], args: ['string'], result: simple('BOOLEAN'),
    generate: (args, _types, _result, ctx) => callHelper(ctx, similarTo, args),
  }),
];

const similarCache = new Map<string, RegExp>();

// SQL:2003 SIMILAR TO: LIKE's % and _ plus regular-expression alternation, grouping and repetition.
function similarTo(text: string, pattern: string, escape?: string): boolean {
  const key = `${escape ?? ''}\u0000${pattern}`;
  let regex = similarCache.get(key);
  if (!regex) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (escape !== undefined && ch === escape && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      else if (ch === '%') source += '[\\s\\S]*';
      else if (ch === '_') source += '[\\s\\S]';
      else if (ch === '.' || ch === '^' || ch === '$' || ch === '\\') source += `\\${ch}`;
      else source += ch;
    }
    regex = new RegExp(`^(?:${source})$`);
    similarCache.set(key, regex);
  }
  return regex.test(text);
}
