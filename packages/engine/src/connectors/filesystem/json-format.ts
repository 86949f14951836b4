import type { DataType } from '../../sql/data-type';
import { FieldParseError, fromJsonValue, toJsonValue } from './field-codec';

/** JSON settings from the `json.*` options. */
export interface JsonOptions {
  ignoreParseErrors: boolean;
  failOnMissingField: boolean;
  /** `json.timestamp-format.standard` = 'ISO-8601': timestamps written with a 'T' (read either way). */
  isoTimestamps: boolean;
}

/** One JSON object line of the columns `columns` of a row, keyed by their names; NULL as null. */
export function formatJsonLine(row: readonly unknown[], columns: readonly number[], names: readonly string[], types: readonly DataType[], options: JsonOptions): string {
  const object: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const value = toJsonValue(row[columns[i]], types[i]);
    const kind = types[i].kind;
    object[names[i]] = options.isoTimestamps && typeof value === 'string' && (kind === 'TIMESTAMP' || kind === 'TIMESTAMP_LTZ') ? value.replace(' ', 'T') : value;
  }
  return JSON.stringify(object);
}

/**
 * Reads one line (a JSON object) as a row. A missing field is NULL unless
 * `json.fail-on-missing-field`; with `json.ignore-parse-errors` a malformed line is dropped (null)
 * and a field of the wrong type becomes NULL.
 */
export function parseJsonLine(line: string, names: readonly string[], types: readonly DataType[], options: JsonOptions): unknown[] | null {
  let object: unknown;
  try {
    object = JSON.parse(line);
  } catch {
    if (options.ignoreParseErrors) return null;
    throw new FieldParseError('malformed JSON');
  }
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    if (options.ignoreParseErrors) return null;
    throw new FieldParseError('expected a JSON object per line');
  }
  const fields = object as Record<string, unknown>;
  const row: unknown[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    if (!(names[i] in fields) && options.failOnMissingField && !options.ignoreParseErrors) throw new FieldParseError(`field '${names[i]}' is missing`);
    try {
      row[i] = fromJsonValue(fields[names[i]], types[i]);
    } catch (error) {
      if (!(error instanceof FieldParseError)) throw error;
      if (!options.ignoreParseErrors) throw new FieldParseError(`field '${names[i]}': ${error.message}`);
      row[i] = null;
    }
  }
  return row;
}
