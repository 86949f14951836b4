import { MS_PER_DAY, parseTimestamp } from '../../runtime/temporal';
import { commonType, isNumeric, isString, isTimestamp, simple, type DataType } from '../../sql/data-type';
import type { CodegenContext, ScalarFunction } from '../scalar-function';
import { callHelper, checkArgs, defineFunction, STRING } from '../signature';
import { asDouble } from '../numeric/numeric-code';
import { compileDateFormatter, compileDateParser, dateFormatter, dateParser } from './date-pattern';
import { EXTRACT_FUNCTIONS, asMillis } from './extract-functions';
import { addMonths, UNIT_MONTHS, UNIT_MS } from './time-units';
import { instantToWall, wallToInstant } from './time-zones';

const LTZ3: DataType = { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false };
const TS3: DataType = { kind: 'TIMESTAMP', precision: 3, nullable: true };
const DEFAULT_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const LONG_MIN = -9223372036854775808;

/** A formatter for argument `index`: compiled once when the pattern is a literal. */
function formatterCode(ctx: CodegenContext, args: string[], index: number): string {
  const literal = ctx.literal(index);
  if (index >= args.length) return ctx.constant(compileDateFormatter(DEFAULT_FORMAT));
  return typeof literal === 'string' ? ctx.constant(compileDateFormatter(literal)) : `${ctx.constant(dateFormatter)}(${args[index]})`;
}

function parserCode(ctx: CodegenContext, args: string[], index: number): string {
  const literal = ctx.literal(index);
  if (index >= args.length) return ctx.constant(compileDateParser(DEFAULT_FORMAT));
  return typeof literal === 'string' ? ctx.constant(compileDateParser(literal)) : `${ctx.constant(dateParser)}(${args[index]})`;
}

// A parsed text with its own offset is an instant; without one it is wall-clock time in `zone`.
function parseToInstant(parser: (text: string) => { ms: number; offsetMinutes?: number } | null, text: string, zone = 'UTC'): number | null {
  const parsed = parser(text);
  if (!parsed) return null;
  return parsed.offsetMinutes === undefined ? wallToInstant(parsed.ms, zone) : parsed.ms - parsed.offsetMinutes * 60_000;
}

function timestampDiff(unit: string, from: number, to: number): number {
  const months = UNIT_MONTHS[unit];
  if (months === undefined) return Math.trunc((to - from) / (UNIT_MS[unit] ?? 1));
  const a = new Date(from);
  const b = new Date(to);
  let diff = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  // A month counts only once the day and time of day are reached again, as in Calcite.
  const restA = from - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1);
  const restB = to - Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 1);
  if (diff > 0 && restB < restA) diff--;
  else if (diff < 0 && restB > restA) diff++;
  return Math.trunc(diff / months);
}

const TIMESTAMPADD: ScalarFunction = {
  name: 'TIMESTAMPADD',
  strict: true,
  infer(args) {
    const problem = checkArgs('TIMESTAMPADD', args, 3, 3, ['symbol', 'integer', 'temporal']);
    return problem ?? { result: { ...args[2], nullable: args[1].nullable || args[2].nullable } };
  },
  generate(args, types, _result, ctx) {
    const unit = String(ctx.literal(0));
    const months = UNIT_MONTHS[unit];
    const ms = asMillis(args[2], types[2]);
    const added = months !== undefined ? callHelper(ctx, addMonths, [ms, `${args[1]} * ${months}`]) : `(${ms} + ${args[1]} * ${UNIT_MS[unit] ?? 1})`;
    if (types[2].kind === 'DATE') return `Math.floor(${added} / ${MS_PER_DAY})`;
    return types[2].kind === 'TIME' ? `h.floorMod(${added}, ${MS_PER_DAY})` : added;
  },
};

const TIMESTAMPDIFF: ScalarFunction = {
  name: 'TIMESTAMPDIFF',
  strict: true,
  infer(args) {
    const problem = checkArgs('TIMESTAMPDIFF', args, 3, 3, ['symbol', 'temporal', 'temporal']);
    return problem ?? { result: simple('INT', args[1].nullable || args[2].nullable) };
  },
  generate: (args, types, _result, ctx) => callHelper(ctx, timestampDiff, [JSON.stringify(ctx.literal(0)), asMillis(args[1], types[1]), asMillis(args[2], types[2])]),
};

// (start1, end1) OVERLAPS (start2, end2): an interval second operand is a duration from the start.
function overlaps(s1: number, e1: number, s2: number, e2: number): boolean {
  const [a1, b1] = s1 <= e1 ? [s1, e1] : [e1, s1];
  const [a2, b2] = s2 <= e2 ? [s2, e2] : [e2, s2];
  return a1 <= b2 && a2 <= b1;
}

const OVERLAPS: ScalarFunction = {
  name: 'OVERLAPS',
  strict: true,
  infer(args) {
    if (args.length !== 2 || args.some((a) => a.kind !== 'ROW' || a.fields.length !== 2)) return 'OVERLAPS compares two (start, end) pairs';
    const [left, right] = args as Extract<DataType, { kind: 'ROW' }>[];
    const point = commonType(left.fields[0].type, right.fields[0].type);
    if (!point || !(isTimestamp(point) || point.kind === 'DATE' || point.kind === 'TIME')) return 'OVERLAPS expects DATE, TIME or TIMESTAMP periods';
    return { result: simple('BOOLEAN', args.some((a) => a.nullable)) };
  },
  generate(args, types, _result, ctx) {
    const bounds = types.flatMap((type, i) => {
      const [start, end] = (type as Extract<DataType, { kind: 'ROW' }>).fields.map((f) => f.type);
      const s = asMillis(`${args[i]}[0]`, start);
      const e = end.kind.startsWith('INTERVAL') ? `${s} + ${args[i]}[1]` : asMillis(`${args[i]}[1]`, end);
      return [s, e];
    });
    return callHelper(ctx, overlaps, bounds);
  },
};

const now = (): number => Date.now();

/** Current time functions, formatting/parsing, TIMESTAMPADD/DIFF, time zones and OVERLAPS (session zone: UTC). */
export const TEMPORAL_FUNCTIONS: ScalarFunction[] = [
  ...EXTRACT_FUNCTIONS,
  defineFunction({ name: 'CURRENT_TIMESTAMP', arity: [0, 0], args: [], result: LTZ3, nullable: 'never', generate: (_a, _t, _r, ctx) => callHelper(ctx, now, []) }),
  defineFunction({ name: 'CURRENT_ROW_TIMESTAMP', arity: [0, 0], args: [], result: LTZ3, nullable: 'never', generate: (_a, _t, _r, ctx) => callHelper(ctx, now, []) }),
  defineFunction({ name: 'LOCALTIMESTAMP', arity: [0, 0], args: [], result: TS3, nullable: 'never', generate: (_a, _t, _r, ctx) => callHelper(ctx, now, []) }),
  defineFunction({ name: 'CURRENT_DATE', arity: [0, 0], args: [], result: simple('DATE'), nullable: 'never', generate: (_a, _t, _r, ctx) => `Math.floor(${callHelper(ctx, now, [])} / ${MS_PER_DAY})` }),
  defineFunction({ name: 'LOCALTIME', arity: [0, 0], args: [], result: { kind: 'TIME', precision: 0, nullable: false }, nullable: 'never', generate: (_a, _t, _r, ctx) => `(Math.floor(${callHelper(ctx, now, [])} / 1000) * 1000 % ${MS_PER_DAY})` }),
  defineFunction({
    name: 'DATE_FORMAT', arity: [2, 2], args: ['any', 'string'],
    result: (args) => (isTimestamp(args[0]) || isString(args[0]) || args[0].kind === 'NULL' ? STRING : 'DATE_FORMAT expects a TIMESTAMP (or a string) and a format string'),
    nullable: 'always',
    generate: (args, types, _r, ctx) => (isString(types[0]) ? `(h.parseTimestamp(${args[0]}) === null ? null : ${formatterCode(ctx, args, 1)}(h.parseTimestamp(${args[0]})))` : `${formatterCode(ctx, args, 1)}(${args[0]})`),
  }),
  TIMESTAMPADD,
  TIMESTAMPDIFF,
  defineFunction({
    name: 'CONVERT_TZ', arity: [3, 3], args: ['string'], result: STRING, nullable: 'always',
    generate: (a, _t, _r, ctx) => callHelper(ctx, (text: string, from: string, to: string) => {
      const wall = parseTimestamp(text);
      return wall === undefined ? null : compileDateFormatterCached(instantToWall(wallToInstant(wall, from), to));
    }, a),
  }),
  defineFunction({
    name: 'FROM_UNIXTIME', arity: [1, 2], args: ['numeric', 'string'], result: STRING,
    generate: (a, types, _r, ctx) => `${formatterCode(ctx, a, 1)}(Math.floor(${asDouble(a[0], types[0])}) * 1000)`,
  }),
  defineFunction({
    name: 'UNIX_TIMESTAMP', arity: [0, 2], args: ['string'], result: simple('BIGINT'),
    generate: (a, _t, _r, ctx) => (a.length === 0 ? `Math.floor(${callHelper(ctx, now, [])} / 1000)` : `((v) => v === null ? ${LONG_MIN} : Math.floor(v / 1000))(${callHelper(ctx, parseToInstant, [parserCode(ctx, a, 1), a[0]])})`),
  }),
  defineFunction({
    name: 'TO_DATE', arity: [1, 2], args: ['string'], result: simple('DATE'), nullable: 'always',
    generate: (a, _t, _r, ctx) => `((v) => v === null ? null : Math.floor(v.ms / ${MS_PER_DAY}))(${parserCode(ctx, a.length === 1 ? [...a, "'yyyy-MM-dd'"] : a, 1)}(${a[0]}))`,
  }),
  defineFunction({
    name: 'TO_TIMESTAMP', arity: [1, 2], args: ['string'], result: TS3, nullable: 'always',
    generate: (a, _t, _r, ctx) => `((v) => v === null ? null : v.ms)(${parserCode(ctx, a, 1)}(${a[0]}))`,
  }),
  defineFunction({
    name: 'TO_TIMESTAMP_LTZ', arity: [1, 3], args: ['any', 'any', 'string'],
    result: (args, literals) => {
      if (!isNumeric(args[0]) && !isString(args[0]) && args[0].kind !== 'NULL') return 'TO_TIMESTAMP_LTZ expects epoch numbers or a timestamp string';
      const precision = isString(args[0]) ? Math.min(9, Math.max(3, ...(String(literals[1] ?? '').match(/S+/g) ?? ['']).map((s) => s.length))) : typeof literals[1] === 'number' && literals[1] > 3 ? literals[1] : 3;
      return { kind: 'TIMESTAMP_LTZ', precision, nullable: true };
    },
    nullable: 'always',
    generate(a, types, _r, ctx) {
      if (isString(types[0])) return callHelper(ctx, parseToInstant, [parserCode(ctx, a, 1), a[0], a[2] ?? "'UTC'"]);
      const value = asDouble(a[0], types[0]);
      return a.length === 1 ? `Math.floor(${value})` : `Math.floor(${value} * 10 ** (3 - ${a[1]}))`;
    },
  }),
  OVERLAPS,
];

const sqlFormatter = compileDateFormatter(DEFAULT_FORMAT);

function compileDateFormatterCached(wall: number): string {
  return sqlFormatter(wall);
}

/** Aliases of temporal functions. */
export const TEMPORAL_ALIASES: Record<string, string> = { NOW: 'CURRENT_TIMESTAMP', CURRENT_TIME: 'LOCALTIME' };
