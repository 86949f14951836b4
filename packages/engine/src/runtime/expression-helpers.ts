import { formatDecimal, formatJavaDouble, formatJavaFloat } from '../connectors/print/flink-row-format';
import { EngineError } from '../errors';
import { isInteger, type DataType } from '../sql/data-type';
import { formatDate, formatTimestampSql, formatWithPattern, MS_PER_DAY, parseDate, parseTime, parseTimestamp } from './temporal';

const likeCache = new Map<string, RegExp>();
const regexCache = new Map<string, RegExp | null>();

function runtimeError(code: string, message: string): EngineError {
  return new EngineError(message, { code, domain: 'user' });
}

/** Java's Math.floorMod: a result with the sign of the divisor. */
function floorMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Rounds half away from zero, like BigDecimal's HALF_UP. */
function roundHalfUp(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

function rescale(unscaled: number, from: number, to: number): number {
  if (from === to) return unscaled;
  if (to > from) return unscaled * 10 ** (to - from);
  return roundHalfUp(unscaled / 10 ** (from - to));
}

function likeToRegExp(pattern: string, escape: string | undefined): RegExp {
  const key = `${escape ?? ''}\u0000${pattern}`;
  let regex = likeCache.get(key);
  if (!regex) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (escape !== undefined && ch === escape && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      else if (ch === '%') source += '[\\s\\S]*';
      else if (ch === '_') source += '[\\s\\S]';
      else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    regex = new RegExp(`^${source}$`);
    likeCache.set(key, regex);
  }
  return regex;
}

function toStr(value: unknown, type: DataType): string {
  switch (type.kind) {
    case 'DECIMAL': return formatDecimal(value as number, type.scale);
    case 'DOUBLE': return formatJavaDouble(value as number);
    case 'FLOAT': return formatJavaFloat(value as number);
    case 'BOOLEAN': return value ? 'TRUE' : 'FALSE';
    case 'DATE': return formatDate(value as number);
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return formatTimestampSql(value as number, type.precision);
    case 'TIME': return formatTimestampSql(value as number, type.precision).slice(11);
    default: return String(value);
  }
}

function fromStr(text: string, type: DataType, safe: boolean): unknown {
  const trimmed = text.trim();
  let value: unknown;
  if (isInteger(type)) value = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
  else if (type.kind === 'DECIMAL') value = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? roundHalfUp(Number(trimmed) * 10 ** type.scale) : undefined;
  else if (type.kind === 'DOUBLE' || type.kind === 'FLOAT') value = trimmed === '' || Number.isNaN(Number(trimmed)) ? undefined : Number(trimmed);
  else if (type.kind === 'BOOLEAN') value = { true: true, false: false, '1': true, '0': false }[trimmed.toLowerCase()];
  else if (type.kind === 'DATE') value = parseDate(trimmed);
  else if (type.kind === 'TIME') value = parseTime(trimmed);
  else if (type.kind === 'TIMESTAMP' || type.kind === 'TIMESTAMP_LTZ') value = parseTimestamp(trimmed);
  else value = text;
  if (value !== undefined) return value;
  if (safe) return null;
  throw runtimeError('CAST_FAILED', `cannot cast '${text}' to ${type.kind}`);
}

/** Runtime support for generated expression code, reachable there as `h`. */
export const expressionHelpers = {
  floorMod,
  roundHalfUp,
  rescale,
  toStr,
  fromStr,
  MS_PER_DAY,
  parseTimestamp: (text: string): number | null => parseTimestamp(text) ?? null,
  divInt(a: number, b: number): number {
    if (b === 0) throw runtimeError('DIVIDE_BY_ZERO', 'division by zero');
    return Math.trunc(a / b);
  },
  mod(a: number, b: number): number {
    if (b === 0) throw runtimeError('DIVIDE_BY_ZERO', 'division by zero in MOD');
    return a % b;
  },
  decDiv(a: number, sa: number, b: number, sb: number, s: number): number {
    if (b === 0) throw runtimeError('DIVIDE_BY_ZERO', 'division by zero');
    return roundHalfUp((a * 10 ** (s - sa + sb)) / b);
  },
  like(value: string, pattern: string, escape?: string): boolean {
    return likeToRegExp(pattern, escape).test(value);
  },
  addMonths(ms: number, months: number): number {
    const d = new Date(ms);
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, lastDay));
    return d.getTime();
  },
  substr(text: string, start: number, length?: number): string {
    const from = start > 0 ? start - 1 : start < 0 ? Math.max(0, text.length + start) : 0;
    return length === undefined ? text.slice(from) : text.slice(from, from + Math.max(0, length));
  },
  splitIndex(text: string, separator: string, index: number): string | null {
    if (index < 0) return null;
    const parts = text.split(separator);
    return index < parts.length ? parts[index] : null;
  },
  regexpExtract(text: string, pattern: string, group = 0): string | null {
    let regex = regexCache.get(pattern);
    if (regex === undefined) {
      try {
        regex = new RegExp(pattern);
      } catch {
        regex = null;
      }
      regexCache.set(pattern, regex);
    }
    const match = regex?.exec(text);
    return match && group < match.length ? (match[group] ?? null) : null;
  },
  dateFormat(ms: number | null, pattern: string): string | null {
    return ms === null ? null : formatWithPattern(ms, pattern);
  },
  dayFromMs: (ms: number): number => Math.floor(ms / MS_PER_DAY),
};

export type ExpressionHelpers = typeof expressionHelpers;
