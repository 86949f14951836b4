import { EngineError } from '../errors';
import { FieldParseError, fromJsonValue, toJsonValue } from '../connectors/filesystem/field-codec';
import type { PlanField } from '../plan/plan-expr';
import { ROW_KIND_SHORT, type Row } from '../runtime/row';

/** The key a debug input row may carry to give its change kind (`+I`, `-U`, `+U`, `-D`) for a changelog source. */
export const ROW_KIND_KEY = '$kind';

/** Rows of one debug input, engine values in the table's column order, with a kind per row. */
export interface DebugRows {
  rows: Row[];
  kinds: number[];
  /** Whether any row is not an insert. */
  changelog: boolean;
}

/**
 * Reads a debug input's JSON objects (column name → value) as rows of `fields`. Strings are parsed
 * as the filesystem connector parses a CSV field, so rows typed in a grid or read from a CSV file
 * need no typing; a missing column is NULL. A value that does not fit names its row and column.
 */
export function rowsFromJson(table: string, fields: PlanField[], objects: readonly Record<string, unknown>[]): DebugRows {
  const rows: Row[] = new Array<Row>(objects.length);
  const kinds: number[] = new Array<number>(objects.length);
  let changelog = false;
  const lookup = fields.map((field) => field.name);
  const lower = new Map(fields.map((field, i) => [field.name.toLowerCase(), i]));
  objects.forEach((object, index) => {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      throw inputError(table, index, `is not an object of column values`);
    }
    const row: Row = new Array<unknown>(fields.length).fill(null);
    for (const [key, value] of Object.entries(object)) {
      if (key === ROW_KIND_KEY) continue;
      const at = lookup.indexOf(key);
      const column = at >= 0 ? at : lower.get(key.toLowerCase());
      if (column === undefined) throw inputError(table, index, `has a column '${key}' the table does not have (columns: ${lookup.join(', ')})`);
      try {
        row[column] = value === '' && fields[column].type.kind !== 'VARCHAR' && fields[column].type.kind !== 'CHAR' ? null : fromJsonValue(value, fields[column].type);
      } catch (error) {
        if (!(error instanceof FieldParseError)) throw error;
        throw inputError(table, index, `column '${fields[column].name}': ${error.message}`);
      }
    }
    rows[index] = row;
    const kind = object[ROW_KIND_KEY];
    if (kind === undefined || kind === null || kind === '') kinds[index] = 0;
    else {
      const code = ROW_KIND_SHORT.indexOf(String(kind) as (typeof ROW_KIND_SHORT)[number]);
      if (code < 0) throw inputError(table, index, `has ${ROW_KIND_KEY} '${String(kind)}'; use one of ${ROW_KIND_SHORT.join(', ')}`);
      kinds[index] = code;
      if (code !== 0) changelog = true;
    }
  });
  return { rows, kinds, changelog };
}

/** A row as JSON keyed by column name, values as the filesystem connector's JSON format writes them. */
export function rowToJson(fields: PlanField[], row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  fields.forEach((field, i) => (out[field.name] = toJsonValue(row[i], field.type)));
  return out;
}

function inputError(table: string, index: number, problem: string): EngineError {
  return new EngineError(`debug input '${table}', row ${index + 1} ${problem}`, { code: 'DEBUG_INPUT_INVALID', domain: 'user', details: { table, row: index } });
}
