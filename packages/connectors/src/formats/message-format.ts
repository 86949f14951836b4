import { FieldParseError, formatJsonLine, parseJsonLine, type DataType, type PlanField, type Row } from '@weir/engine';
import type { OptionReader } from '../common/option-reader';

/** Turns a message's bytes into a row and back. `decode` gives null for a record the format skips. */
export interface MessageFormat {
  decode(bytes: Uint8Array): Row | null;
  encode(row: Row): Uint8Array;
}

/** The format options every message connector accepts (Flink's names). */
export const FORMAT_OPTIONS = [
  'format', 'json.ignore-parse-errors', 'json.fail-on-missing-field', 'json.timestamp-format.standard', 'json.encode.decimal-as-plain-number',
  'raw.charset', 'scan.parse-error.policy',
] as const;

/** What a source does with a record its format cannot read: fail the job (Flink's default) or skip and count it. */
export type ParseErrorPolicy = 'fail' | 'skip';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Reads `format` and its options for `fields`; problems go to `reader`. */
export function readMessageFormat(reader: OptionReader, fields: readonly PlanField[]): MessageFormat {
  const format = reader.oneOf('format', ['json', 'raw'] as const, 'json');
  const names = fields.map((f) => f.name);
  const types = fields.map((f) => f.type);
  if (format === 'raw') return rawFormat(reader, fields);
  const standard = reader.oneOf('json.timestamp-format.standard', ['SQL', 'ISO-8601'] as const, 'SQL');
  const json = {
    ignoreParseErrors: reader.bool('json.ignore-parse-errors', false),
    failOnMissingField: reader.bool('json.fail-on-missing-field', false),
    isoTimestamps: standard === 'ISO-8601',
  };
  const columns = fields.map((_, i) => i);
  return {
    decode: (bytes) => {
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        if (json.ignoreParseErrors) return null;
        throw new FieldParseError('the message is not UTF-8 text');
      }
      return parseJsonLine(text, names, types, json);
    },
    encode: (row) => encoder.encode(formatJsonLine(row, columns, names, types, json)),
  };
}

/** Reads the parse-error policy of a source. */
export function readParseErrorPolicy(reader: OptionReader): ParseErrorPolicy {
  return reader.oneOf('scan.parse-error.policy', ['fail', 'skip'] as const, 'fail');
}

/** Flink's raw format: the whole message as one STRING or BYTES column. */
function rawFormat(reader: OptionReader, fields: readonly PlanField[]): MessageFormat {
  const charset = reader.oneOf('raw.charset', ['UTF-8'] as const, 'UTF-8');
  const type: DataType | undefined = fields[0]?.type;
  if (fields.length !== 1 || !type || !['VARCHAR', 'CHAR', 'BYTES'].includes(type.kind)) {
    reader.problems.push({ code: 'FORMAT_SCHEMA', message: `the 'raw' format needs exactly one STRING or BYTES column, the table has ${fields.map((f) => f.name).join(', ') || 'none'}`, option: 'format' });
  }
  const bytes = type?.kind === 'BYTES';
  return {
    decode: (data) => [bytes ? data : new TextDecoder(charset).decode(data)],
    encode: (row) => (row[0] === null || row[0] === undefined ? new Uint8Array(0) : bytes ? (row[0] as Uint8Array) : encoder.encode(String(row[0]))),
  };
}
