import { compileCsvLines, FieldParseError, formatJsonLine, parseCsvRecord, parseJsonLine, splitCsvRecords, type CsvOptions, type DataType, type PlanField, type Row, type TableRole } from '@weir/engine';
import type { OptionReader } from '../common/option-reader';
import { canalDecoder, CHANGELOG_FORMAT_OPTIONS, debeziumDecoder, maxwellDecoder, type Change, type ChangeDecoder } from './changelog-formats';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const MESSAGE_FORMAT_OPTION_VALUES = {
  'format': ['json', 'csv', 'raw', 'debezium-json', 'canal-json', 'maxwell-json'],
  'json.timestamp-format.standard': ['SQL', 'ISO-8601'],
  'scan.parse-error.policy': ['fail', 'skip'],
  'raw.charset': ['UTF-8'],
} as const;

/**
 * Turns a message's bytes into the changes it carries (one +I for a plain format; none for a
 * record the format skips) and a row into bytes. `changelog` formats (Debezium, Canal, Maxwell)
 * carry updates and deletes, so their source emits a whole changelog.
 */
export interface MessageFormat {
  changelog: boolean;
  decode(bytes: Uint8Array): Change[];
  encode(row: Row): Uint8Array;
}

const CHANGELOG_FORMATS = new Set<string>(['debezium-json', 'canal-json', 'maxwell-json']);

/** Whether a table's `format` carries a changelog (its source then emits -U, +U and -D). */
export function isChangelogFormat(options: Record<string, string>): boolean {
  return CHANGELOG_FORMATS.has(options.format ?? '');
}

/** The format options every message connector accepts (Flink's names). */
export const FORMAT_OPTIONS = [
  'format', 'json.ignore-parse-errors', 'json.fail-on-missing-field', 'json.timestamp-format.standard', 'json.encode.decimal-as-plain-number',
  'raw.charset', 'scan.parse-error.policy', ...CHANGELOG_FORMAT_OPTIONS,
  'csv.field-delimiter', 'csv.quote-character', 'csv.disable-quote-character', 'csv.ignore-parse-errors', 'csv.null-literal', 'csv.allow-comments',
] as const;

/** What a source does with a record its format cannot read: fail the job (Flink's default) or skip and count it. */
export type ParseErrorPolicy = 'fail' | 'skip';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Reads `format` and its options for `fields` in `role`; problems go to `reader`. */
export function readMessageFormat(reader: OptionReader, fields: readonly PlanField[], role: TableRole = 'source'): MessageFormat {
  const format = reader.oneOf('format', MESSAGE_FORMAT_OPTION_VALUES.format, 'json');
  if (format === 'raw') return rawFormat(reader, fields);
  if (format === 'csv') return csvFormat(reader, fields);
  if (CHANGELOG_FORMATS.has(format)) {
    if (role === 'sink') reader.problems.push({ code: 'OPTION_UNSUPPORTED', message: `the '${format}' format is read by sources; writing it is not implemented, use 'json'`, option: 'format' });
    const ignore = reader.bool(`${format}.ignore-parse-errors`, false);
    const decodeChanges: ChangeDecoder = format === 'debezium-json' ? debeziumDecoder(reader, fields) : format === 'canal-json' ? canalDecoder(reader, fields) : maxwellDecoder(fields);
    return {
      changelog: true,
      decode: (bytes) => {
        try {
          return decodeChanges(JSON.parse(decoder.decode(bytes)));
        } catch (error) {
          if (ignore) return [];
          throw error instanceof SyntaxError ? new FieldParseError('malformed JSON') : error;
        }
      },
      encode: () => {
        throw new FieldParseError(`the '${format}' format cannot be written`);
      },
    };
  }
  const names = fields.map((f) => f.name);
  const types = fields.map((f) => f.type);
  const standard = reader.oneOf('json.timestamp-format.standard', MESSAGE_FORMAT_OPTION_VALUES['json.timestamp-format.standard'], 'SQL');
  const json = {
    ignoreParseErrors: reader.bool('json.ignore-parse-errors', false),
    failOnMissingField: reader.bool('json.fail-on-missing-field', false),
    isoTimestamps: standard === 'ISO-8601',
  };
  const columns = fields.map((_, i) => i);
  return {
    changelog: false,
    decode: (bytes) => {
      const text = utf8(bytes, json.ignoreParseErrors);
      if (text === undefined) return [];
      const row = parseJsonLine(text, names, types, json);
      return row ? [{ kind: 0, row }] : [];
    },
    encode: (row) => encoder.encode(formatJsonLine(row, columns, names, types, json)),
  };
}

/** The message as text; undefined when it is not UTF-8 and errors are ignored (else a parse error). */
function utf8(bytes: Uint8Array, ignoreErrors: boolean): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    if (ignoreErrors) return undefined;
    throw new FieldParseError('the message is not UTF-8 text');
  }
}

/** Reads the parse-error policy of a source. */
export function readParseErrorPolicy(reader: OptionReader): ParseErrorPolicy {
  return reader.oneOf('scan.parse-error.policy', MESSAGE_FORMAT_OPTION_VALUES['scan.parse-error.policy'], 'fail');
}

/** Flink's raw format: the whole message as one STRING or BYTES column. */
function rawFormat(reader: OptionReader, fields: readonly PlanField[]): MessageFormat {
  const charset = reader.oneOf('raw.charset', MESSAGE_FORMAT_OPTION_VALUES['raw.charset'], 'UTF-8');
  const type: DataType | undefined = fields[0]?.type;
  if (fields.length !== 1 || !type || !['VARCHAR', 'CHAR', 'BYTES'].includes(type.kind)) {
    reader.problems.push({ code: 'FORMAT_SCHEMA', message: `the 'raw' format needs exactly one STRING or BYTES column, the table has ${fields.map((f) => f.name).join(', ') || 'none'}`, option: 'format' });
  }
  const bytes = type?.kind === 'BYTES';
  return {
    changelog: false,
    decode: (data) => [{ kind: 0, row: [bytes ? data : new TextDecoder(charset).decode(data)] }],
    encode: (row) => (row[0] === null || row[0] === undefined ? new Uint8Array(0) : bytes ? (row[0] as Uint8Array) : encoder.encode(String(row[0]))),
  };
}

/** Flink's csv format for messages: one record per message, Flink's `csv.*` options. */
function csvFormat(reader: OptionReader, fields: readonly PlanField[]): MessageFormat {
  const char = (option: string, fallback: string): string => {
    const text = reader.string(option, fallback);
    const unescaped = text === '\\t' ? '\t' : text;
    if (unescaped.length !== 1) reader.invalid(option, 'a single character');
    return unescaped;
  };
  const options: CsvOptions = {
    fieldDelimiter: char('csv.field-delimiter', ','),
    quoteCharacter: reader.bool('csv.disable-quote-character', false) ? null : char('csv.quote-character', '"'),
    allowComments: reader.bool('csv.allow-comments', false),
    nullLiteral: reader.string('csv.null-literal') ?? null,
    ignoreParseErrors: reader.bool('csv.ignore-parse-errors', false),
  };
  const names = fields.map((f) => f.name);
  const types = fields.map((f) => f.type);
  const lines = compileCsvLines(fields.map((_, i) => i), types, options);
  return {
    changelog: false,
    decode: (bytes) => {
      const text = utf8(bytes, options.ignoreParseErrors);
      if (text === undefined) return [];
      const records = splitCsvRecords(text, options);
      if (records.length !== 1) {
        if (options.ignoreParseErrors) return [];
        throw new FieldParseError(`expected one CSV record per message, got ${records.length}`);
      }
      const row = parseCsvRecord(records[0], names, types, options);
      return row ? [{ kind: 0, row }] : [];
    },
    encode: (row) => encoder.encode(lines([row], 0, 1).replace(/\n$/, '')),
  };
}
