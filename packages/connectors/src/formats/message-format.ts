import { FieldParseError, formatJsonLine, parseJsonLine, type DataType, type PlanField, type Row, type TableRole } from '@weir/engine';
import type { OptionReader } from '../common/option-reader';
import { canalDecoder, CHANGELOG_FORMAT_OPTIONS, debeziumDecoder, maxwellDecoder, type Change, type ChangeDecoder } from './changelog-formats';

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

const FORMATS = ['json', 'raw', 'debezium-json', 'canal-json', 'maxwell-json'] as const;
const CHANGELOG_FORMATS = new Set<string>(['debezium-json', 'canal-json', 'maxwell-json']);

/** Whether a table's `format` carries a changelog (its source then emits -U, +U and -D). */
export function isChangelogFormat(options: Record<string, string>): boolean {
  return CHANGELOG_FORMATS.has(options.format ?? '');
}

/** The format options every message connector accepts (Flink's names). */
export const FORMAT_OPTIONS = [
  'format', 'json.ignore-parse-errors', 'json.fail-on-missing-field', 'json.timestamp-format.standard', 'json.encode.decimal-as-plain-number',
  'raw.charset', 'scan.parse-error.policy', ...CHANGELOG_FORMAT_OPTIONS,
] as const;

/** What a source does with a record its format cannot read: fail the job (Flink's default) or skip and count it. */
export type ParseErrorPolicy = 'fail' | 'skip';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Reads `format` and its options for `fields` in `role`; problems go to `reader`. */
export function readMessageFormat(reader: OptionReader, fields: readonly PlanField[], role: TableRole = 'source'): MessageFormat {
  const format = reader.oneOf('format', FORMATS, 'json');
  if (format === 'raw') return rawFormat(reader, fields);
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
  const standard = reader.oneOf('json.timestamp-format.standard', ['SQL', 'ISO-8601'] as const, 'SQL');
  const json = {
    ignoreParseErrors: reader.bool('json.ignore-parse-errors', false),
    failOnMissingField: reader.bool('json.fail-on-missing-field', false),
    isoTimestamps: standard === 'ISO-8601',
  };
  const columns = fields.map((_, i) => i);
  return {
    changelog: false,
    decode: (bytes) => {
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        if (json.ignoreParseErrors) return [];
        throw new FieldParseError('the message is not UTF-8 text');
      }
      const row = parseJsonLine(text, names, types, json);
      return row ? [{ kind: 0, row }] : [];
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
    changelog: false,
    decode: (data) => [{ kind: 0, row: [bytes ? data : new TextDecoder(charset).decode(data)] }],
    encode: (row) => (row[0] === null || row[0] === undefined ? new Uint8Array(0) : bytes ? (row[0] as Uint8Array) : encoder.encode(String(row[0]))),
  };
}
