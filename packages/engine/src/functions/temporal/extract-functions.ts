import { MS_PER_DAY } from '../../runtime/temporal';
import { simple, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { callHelper, checkArgs, defineFunction } from '../signature';

const BIGINT = simple('BIGINT');

function isoWeek(d: Date): { week: number; year: number } {
  // The ISO week of a day is the week of its Thursday; week 1 holds the year's first Thursday.
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - (d.getUTCDay() || 7)));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((thursday.getTime() - yearStart) / MS_PER_DAY + 1) / 7), year: thursday.getUTCFullYear() };
}

/** EXTRACT(unit FROM epoch milliseconds), with Calcite's meanings (DOW 1 = Sunday, MILLISECOND includes seconds). */
export function extractField(unit: string, ms: number): number {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  switch (unit) {
    case 'MILLENNIUM': return Math.floor((year - 1) / 1000) + 1;
    case 'CENTURY': return Math.floor((year - 1) / 100) + 1;
    case 'DECADE': return Math.floor(year / 10);
    case 'YEAR': return year;
    case 'ISOYEAR': return isoWeek(d).year;
    case 'QUARTER': return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'MONTH': return d.getUTCMonth() + 1;
    case 'WEEK': return isoWeek(d).week;
    case 'DAY': return d.getUTCDate();
    case 'DOW': return d.getUTCDay() + 1;
    case 'ISODOW': return d.getUTCDay() === 0 ? 7 : d.getUTCDay();
    case 'DOY': return Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / MS_PER_DAY) + 1;
    case 'HOUR': return d.getUTCHours();
    case 'MINUTE': return d.getUTCMinutes();
    case 'SECOND': return d.getUTCSeconds();
    case 'MILLISECOND': return d.getUTCSeconds() * 1000 + d.getUTCMilliseconds();
    case 'MICROSECOND': return (d.getUTCSeconds() * 1000 + d.getUTCMilliseconds()) * 1000;
    case 'NANOSECOND': return (d.getUTCSeconds() * 1000 + d.getUTCMilliseconds()) * 1_000_000;
    case 'EPOCH': return Math.floor(ms / 1000);
    default: return 0;
  }
}

/** Code giving epoch milliseconds of a DATE/TIME/TIMESTAMP value. */
export function asMillis(code: string, type: DataType): string {
  return type.kind === 'DATE' ? `(${code} * ${MS_PER_DAY})` : code;
}

const TIME_OF_DAY_UNITS = new Set(['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND']);

const EXTRACT: ScalarFunction = {
  name: 'EXTRACT',
  strict: true,
  infer(args, literals) {
    const problem = checkArgs('EXTRACT', args, 2, 2, ['symbol', 'temporal']);
    if (problem) return problem;
    const unit = String(literals[0]);
    if (args[1].kind === 'DATE' && TIME_OF_DAY_UNITS.has(unit)) return `cannot extract ${unit} from a DATE`;
    if (args[1].kind === 'TIME' && !TIME_OF_DAY_UNITS.has(unit)) return `cannot extract ${unit} from a TIME`;
    return { result: { ...BIGINT, nullable: args[1].nullable } };
  },
  generate: (args, types, _result, ctx) => callHelper(ctx, extractField, [JSON.stringify(ctx.literal(0)), asMillis(args[1], types[1])]),
};

const fieldFunction = (name: string, unit: string): ScalarFunction =>
  defineFunction({
    name, arity: [1, 1], args: ['temporal'], result: BIGINT,
    generate: (args, types, _result, ctx) => callHelper(ctx, extractField, [JSON.stringify(unit), asMillis(args[0], types[0])]),
  });

/** EXTRACT and its shorthands YEAR, QUARTER, MONTH, WEEK, DAYOFYEAR, DAYOFMONTH, DAYOFWEEK, HOUR, MINUTE, SECOND. */
export const EXTRACT_FUNCTIONS: ScalarFunction[] = [
  EXTRACT,
  fieldFunction('YEAR', 'YEAR'),
  fieldFunction('QUARTER', 'QUARTER'),
  fieldFunction('MONTH', 'MONTH'),
  fieldFunction('WEEK', 'WEEK'),
  fieldFunction('DAYOFYEAR', 'DOY'),
  fieldFunction('DAYOFMONTH', 'DAY'),
  fieldFunction('DAYOFWEEK', 'DOW'),
  fieldFunction('HOUR', 'HOUR'),
  fieldFunction('MINUTE', 'MINUTE'),
  fieldFunction('SECOND', 'SECOND'),
];
