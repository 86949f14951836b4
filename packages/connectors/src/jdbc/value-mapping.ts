import { FieldParseError, formatField, fromJsonValue, parseField, type DataType } from '@weir/engine';

/**
 * Values between the engine and the databases. Both clients are asked for text where JavaScript
 * would lose precision or guess a time zone (BIGINT, DECIMAL, dates and timestamps, in a UTC
 * session), and the engine's own parser reads that text, so a value reads exactly as the same
 * text in a CSV file would. The documented mapping is in the package README.
 */
export function toEngineValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      return ['t', 'true', '1'].includes(String(value).toLowerCase());
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': case 'FLOAT': case 'DOUBLE': case 'DECIMAL': case 'DATE': case 'TIME':
      return parseField(String(value), type);
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
      // A UTC session prints timestamptz with its offset ('+00'); the engine keeps UTC epoch milliseconds.
      return parseField(String(value).replace(/(\+00(:?00)?|Z)$/, ''), type);
    case 'CHAR': case 'VARCHAR':
      if (typeof value === 'string') return value;
      if (Buffer.isBuffer(value)) return value.toString('utf8');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'BYTES':
      return Buffer.isBuffer(value) ? new Uint8Array(value) : typeof value === 'string' ? new TextEncoder().encode(value) : value;
    case 'ARRAY':
      if (Array.isArray(value)) return value.map((v) => toEngineValue(v, type.element));
      return fromJsonValue(typeof value === 'string' ? JSON.parse(value) : value, type);
    case 'MAP': case 'ROW':
      return fromJsonValue(typeof value === 'string' ? JSON.parse(value) : value, type);
    default:
      throw new FieldParseError(`a column of type ${type.kind} cannot be read from a database`);
  }
}

/** A statement parameter for an engine value: text for exact and temporal types, JSON for nested ones. */
export function toDatabaseValue(value: unknown, type: DataType, dialect: 'postgres' | 'mysql'): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'DECIMAL': case 'DATE': case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
      return formatField(value, type);
    case 'ARRAY':
      // PostgreSQL binds a JavaScript array to an array column; MySQL has none, so it gets JSON.
      return dialect === 'postgres' ? (value as unknown[]).map((v) => toDatabaseValue(v, type.element, dialect)) : JSON.stringify(toJson(value, type));
    case 'MAP': case 'ROW':
      return JSON.stringify(toJson(value, type));
    case 'BYTES':
      return Buffer.from(value as Uint8Array);
    default:
      return value;
  }
}

function toJson(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (type.kind === 'ROW') return Object.fromEntries(type.fields.map((f, i) => [f.name, toJson((value as unknown[])[i], f.type)]));
  if (type.kind === 'MAP') return Object.fromEntries([...(value as Map<unknown, unknown>)].map(([k, v]) => [String(k), toJson(v, type.value)]));
  if (type.kind === 'ARRAY') return (value as unknown[]).map((v) => toJson(v, type.element));
  if (type.kind === 'DECIMAL' || type.kind === 'DATE' || type.kind === 'TIMESTAMP' || type.kind === 'TIMESTAMP_LTZ' || type.kind === 'TIME') return formatField(value, type);
  return value;
}

