import { FieldParseError, fromJsonValue, type PlanField, type Row } from '@weir/engine';
import type { OptionReader } from '../common/option-reader';

/** One change a message carries: its kind (0 +I, 1 -U, 2 +U, 3 -D) and row. */
export interface Change {
  kind: number;
  row: Row;
}

/** Decodes a message of a CDC tool's JSON into the changes it carries (none for what it ignores). */
export type ChangeDecoder = (message: unknown) => Change[];

const INSERT = 0, UPDATE_BEFORE = 1, UPDATE_AFTER = 2, DELETE = 3;

/** The options of the changelog formats (Flink's names). */
export const CHANGELOG_FORMAT_OPTIONS = [
  'debezium-json.schema-include', 'debezium-json.ignore-parse-errors', 'debezium-json.timestamp-format.standard',
  'canal-json.ignore-parse-errors', 'canal-json.database.include', 'canal-json.table.include', 'canal-json.timestamp-format.standard',
  'maxwell-json.ignore-parse-errors', 'maxwell-json.timestamp-format.standard',
] as const;

function rowOf(object: unknown, fields: readonly PlanField[], what: string): Row {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) throw new FieldParseError(`'${what}' is not a JSON object`);
  const values = object as Record<string, unknown>;
  return fields.map((f) => {
    try {
      return fromJsonValue(values[f.name], f.type);
    } catch (error) {
      throw new FieldParseError(`field '${f.name}' of '${what}': ${(error as Error).message}`);
    }
  });
}

function objectOf(message: unknown, format: string): Record<string, unknown> {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) throw new FieldParseError(`a ${format} message must be a JSON object`);
  return message as Record<string, unknown>;
}

/** Debezium's envelope: `op` c/r (+I), u (-U before, +U after), d (-D before); `payload` when the schema is included. */
export function debeziumDecoder(reader: OptionReader, fields: readonly PlanField[]): ChangeDecoder {
  const schemaIncluded = reader.bool('debezium-json.schema-include', false);
  return (message) => {
    let envelope = objectOf(message, 'debezium-json');
    if (schemaIncluded) envelope = objectOf(envelope.payload, 'debezium-json payload');
    switch (envelope.op) {
      case 'c': case 'r': return [{ kind: INSERT, row: rowOf(envelope.after, fields, 'after') }];
      case 'u':
        if (envelope.before === null || envelope.before === undefined) throw new FieldParseError("an update without 'before' (a PostgreSQL source table needs REPLICA IDENTITY FULL)");
        return [{ kind: UPDATE_BEFORE, row: rowOf(envelope.before, fields, 'before') }, { kind: UPDATE_AFTER, row: rowOf(envelope.after, fields, 'after') }];
      case 'd': return [{ kind: DELETE, row: rowOf(envelope.before, fields, 'before') }];
      case 't': return [];
      default: throw new FieldParseError(`unknown debezium op ${JSON.stringify(envelope.op)}${schemaIncluded ? '' : " (is the schema included? set 'debezium-json.schema-include')"}`);
    }
  };
}

/** Alibaba Canal's JSON: rows in `data`, the changed columns' old values in `old`, filtered by database and table. */
export function canalDecoder(reader: OptionReader, fields: readonly PlanField[]): ChangeDecoder {
  const database = pattern(reader, 'canal-json.database.include');
  const table = pattern(reader, 'canal-json.table.include');
  return (message) => {
    const m = objectOf(message, 'canal-json');
    if (m.isDdl === true) return [];
    if (database && !database.test(String(m.database))) return [];
    if (table && !table.test(String(m.table))) return [];
    const data = Array.isArray(m.data) ? m.data : [];
    const old = Array.isArray(m.old) ? m.old : [];
    switch (String(m.type).toUpperCase()) {
      case 'INSERT': return data.map((d) => ({ kind: INSERT, row: rowOf(d, fields, 'data') }));
      case 'DELETE': return data.map((d) => ({ kind: DELETE, row: rowOf(d, fields, 'data') }));
      case 'UPDATE':
        return data.flatMap((d, i) => [
          { kind: UPDATE_BEFORE, row: rowOf({ ...(d as object), ...(old[i] as object) }, fields, 'old') },
          { kind: UPDATE_AFTER, row: rowOf(d, fields, 'data') },
        ]);
      default: return [];
    }
  };
}

/** Maxwell's JSON: one row in `data`, the changed columns' old values in `old`. */
export function maxwellDecoder(fields: readonly PlanField[]): ChangeDecoder {
  return (message) => {
    const m = objectOf(message, 'maxwell-json');
    switch (m.type) {
      case 'insert': case 'bootstrap-insert': return [{ kind: INSERT, row: rowOf(m.data, fields, 'data') }];
      case 'delete': return [{ kind: DELETE, row: rowOf(m.data, fields, 'data') }];
      case 'update':
        return [
          { kind: UPDATE_BEFORE, row: rowOf({ ...(m.data as object), ...(m.old as object) }, fields, 'old') },
          { kind: UPDATE_AFTER, row: rowOf(m.data, fields, 'data') },
        ];
      default: return [];
    }
  };
}

function pattern(reader: OptionReader, option: string): RegExp | undefined {
  const text = reader.string(option);
  if (text === undefined) return undefined;
  try {
    return new RegExp(`^(?:${text})$`);
  } catch {
    reader.invalid(option, 'a regular expression');
    return undefined;
  }
}
