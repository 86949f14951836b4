import { EngineError } from '../../errors';
import type { DataType } from '../../sql/data-type';
import { formatDecimal, formatJavaDouble, formatJavaFloat } from '../print/flink-row-format';
import { formatDate, formatTimestampSql, MS_PER_DAY, parseDate, parseTime, parseTimestamp } from '../../runtime/temporal';

/** A text value could not be read as its column's type; the source adds the file and line. */
export class FieldParseError extends EngineError {
  constructor(message: string) {
    super(message, { code: 'FORMAT_PARSE_ERROR', domain: 'user' });
    this.name = 'FieldParseError';
  }
}

const INTEGER = /^\s*[+-]?\d+\s*$/;
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const INTEGER_LIMITS: Record<string, number> = { TINYINT: 127, SMALLINT: 32767, INT: 2147483647, BIGINT: Number.MAX_SAFE_INTEGER };

/** Flink's text for a scalar value in CSV and JSON: SQL timestamps, decimals with their scale, Java doubles. */
export function formatField(value: unknown, type: DataType): string {
  switch (type.kind) {
    case 'DECIMAL': return formatDecimal(value as number, type.scale);
    case 'DOUBLE': return formatJavaDouble(value as number);
    case 'FLOAT': return formatJavaFloat(value as number);
    case 'DATE': return formatDate(value as number);
    case 'TIME': return formatTimestampSql(value as number, type.precision).slice(11);
    // Flink's SQL_TIMESTAMP_FORMAT: fraction digits only as many as needed (none for whole seconds).
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return formatTimestamp(value as number, Math.min(type.precision, 3));
    case 'ROW': case 'ARRAY': case 'MAP': return JSON.stringify(toJsonValue(value, type));
    default: return String(value);
  }
}

let cachedSecond = NaN;
let cachedSecondText = '';
/** By precision (1 to 3) and millisecond: the fraction as Flink prints it ('.12' for 120 ms at 3, '' for 10 ms at 1). */
const fractions: string[][] = [];

/** A timestamp's text; the part up to the second is cached, since consecutive rows share it. */
function formatTimestamp(ms: number, precision: number): string {
  const millis = ((ms % 1000) + 1000) % 1000;
  const second = ms - millis;
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedSecondText = formatTimestampSql(second, 0);
  }
  if (millis === 0 || precision === 0) return cachedSecondText;
  const fraction = (fractions[precision] ??= fractionTexts(precision))[millis];
  // Only a fractional millisecond (no engine value has one) misses the table.
  return fraction === undefined ? trimFraction(`${cachedSecondText}.${String(millis).padStart(3, '0').slice(0, precision)}`) : cachedSecondText + fraction;
}

function fractionTexts(precision: number): string[] {
  return Array.from({ length: 1000 }, (_, millis) => {
    const digits = String(millis).padStart(3, '0').slice(0, precision).replace(/0+$/, '');
    return digits === '' ? '' : `.${digits}`;
  });
}

function trimFraction(text: string): string {
  const dot = text.indexOf('.', 11);
  if (dot < 0) return text;
  const trimmed = text.replace(/0+$/, '');
  return trimmed.length === dot + 1 ? text.slice(0, dot) : trimmed;
}

/** Reads the text of a scalar field; throws FieldParseError when it is not a value of `type`. */
export function parseField(text: string, type: DataType): unknown {
  switch (type.kind) {
    case 'CHAR': case 'VARCHAR': return text;
    case 'BOOLEAN': {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      break;
    }
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': {
      const value = INTEGER.test(text) ? Number(text) : NaN;
      if (Math.abs(value) <= INTEGER_LIMITS[type.kind]) return value;
      break;
    }
    case 'FLOAT': case 'DOUBLE': {
      const value = text.trim() === '' ? NaN : Number(text);
      if (!Number.isNaN(value) || text.trim() === 'NaN') return type.kind === 'FLOAT' ? Math.fround(value) : value;
      break;
    }
    case 'DECIMAL':
      if (DECIMAL.test(text)) return decimalUnscaled(text.trim(), type.scale);
      break;
    case 'DATE': {
      const days = parseDate(text);
      if (days !== undefined) return days;
      break;
    }
    case 'TIME': {
      const ms = parseTime(text);
      if (ms !== undefined && ms < MS_PER_DAY) return ms;
      break;
    }
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': {
      const ms = parseTimestamp(text.replace(/Z$/, ''));
      if (ms !== undefined) return ms;
      break;
    }
    case 'ROW': case 'ARRAY': case 'MAP':
      try {
        return fromJsonValue(JSON.parse(text), type);
      } catch (error) {
        if (error instanceof FieldParseError) throw error;
      }
      break;
    default:
      break;
  }
  throw new FieldParseError(`'${text}' is not a valid ${type.kind}`);
}

/** The unscaled integer of a decimal literal at `scale`, rounding half up as BigDecimal does. */
function decimalUnscaled(text: string, scale: number): number {
  const scaled = Number(text) * 10 ** scale;
  return scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
}

/** A value as JSON: numbers for numerics (decimals scaled), strings for temporal types, objects for rows. */
export function toJsonValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'DECIMAL': return Number(formatDecimal(value as number, type.scale));
    case 'BOOLEAN': case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': case 'FLOAT': case 'DOUBLE': case 'CHAR': case 'VARCHAR':
      return value;
    case 'ROW': {
      const out: Record<string, unknown> = {};
      type.fields.forEach((field, i) => (out[field.name] = toJsonValue((value as unknown[])[i], field.type)));
      return out;
    }
    case 'ARRAY': return (value as unknown[]).map((v) => toJsonValue(v, type.element));
    case 'MAP': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value as Map<unknown, unknown>) out[String(k)] = toJsonValue(v, type.value);
      return out;
    }
    default: return formatField(value, type);
  }
}

/** Reads a JSON value as `type`; throws FieldParseError on a mismatch. */
export function fromJsonValue(json: unknown, type: DataType): unknown {
  if (json === null || json === undefined) return null;
  switch (type.kind) {
    case 'ROW': {
      if (typeof json !== 'object' || Array.isArray(json)) throw new FieldParseError(`expected an object for ${type.kind}`);
      const object = json as Record<string, unknown>;
      return type.fields.map((field) => fromJsonValue(object[field.name], field.type));
    }
    case 'ARRAY':
      if (!Array.isArray(json)) throw new FieldParseError('expected an array');
      return json.map((v) => fromJsonValue(v, type.element));
    case 'MAP':
      if (typeof json !== 'object' || Array.isArray(json)) throw new FieldParseError('expected an object for MAP');
      return new Map(Object.entries(json as Record<string, unknown>).map(([k, v]) => [parseField(k, type.key), fromJsonValue(v, type.value)]));
    case 'BOOLEAN':
      if (typeof json === 'boolean') return json;
      break;
    case 'CHAR': case 'VARCHAR':
      return typeof json === 'string' ? json : JSON.stringify(json);
    default:
      break;
  }
  if (typeof json === 'object') throw new FieldParseError(`expected a ${type.kind}, got ${JSON.stringify(json)}`);
  return parseField(String(json), type);
}
