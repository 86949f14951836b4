import type { RowBatch } from '../../runtime/row';
import type { DataType } from '../../sql/data-type';
import type { CsvOptions } from './csv-format';
import { formatField } from './field-codec';

/** Formats rows `from` (inclusive) to `to` (exclusive) of a batch as lines, each ending with '\n'. */
export type LinesFormatter = (rows: RowBatch, from: number, to: number) => string;

const NUMBER_TEXT = '0123456789+-.eInfinityNaN';
const TEMPORAL_TEXT = '0123456789+-:. NaN';

/**
 * The characters formatField can write for a kind (NaN and exponents included). A field whose
 * alphabet holds neither the delimiter nor the quote never needs quotes, so it is not scanned.
 */
const ALPHABETS: Partial<Record<DataType['kind'], string>> = {
  TINYINT: NUMBER_TEXT, SMALLINT: NUMBER_TEXT, INT: NUMBER_TEXT, BIGINT: NUMBER_TEXT, BOOLEAN: 'truefals',
  DATE: TEMPORAL_TEXT, TIME: TEMPORAL_TEXT, TIMESTAMP: TEMPORAL_TEXT, TIMESTAMP_LTZ: TEMPORAL_TEXT,
};

const INTEGER_KINDS = new Set<DataType['kind']>(['TINYINT', 'SMALLINT', 'INT', 'BIGINT']);

/**
 * Compiles the CSV lines of the columns `columns` (of types `types`) into one generated loop:
 * fields are quoted only when they hold a delimiter, quote or line break, NULL is the null
 * literal (empty by default). Per-field dispatch on the type was most of q10's formatting time.
 */
export function compileCsvLines(columns: readonly number[], types: readonly DataType[], options: CsvOptions): LinesFormatter {
  const { fieldDelimiter, quoteCharacter: quote } = options;
  const quoted = (text: string): string => `${quote}${text.split(quote as string).join(`${quote}${quote}`)}${quote}`;
  const fields = columns.map((column, i) => {
    const kind = types[i].kind;
    const text = INTEGER_KINDS.has(kind) ? "'' + v" : kind === 'CHAR' || kind === 'VARCHAR' ? 'String(v)' : `format(v, types[${i}])`;
    const alphabet = ALPHABETS[kind];
    const safe = quote === null || (alphabet !== undefined && !alphabet.includes(fieldDelimiter) && !alphabet.includes(quote));
    if (safe) return `v = row[${column}];\n    text += v === null || v === undefined ? nullText : ${text};`;
    // indexOf of literal characters, inline: several times faster than a regular expression or a helper.
    const plain = [fieldDelimiter, quote, '\n', '\r'].map((ch) => `t.indexOf(${JSON.stringify(ch)}) < 0`).join(' && ');
    return `v = row[${column}];\n    if (v === null || v === undefined) text += nullText;\n    else {\n      t = ${text};\n      text += ${plain} ? t : quoted(t);\n    }`;
  });
  const body = fields.join(`\n    text += ${JSON.stringify(fieldDelimiter)};\n    `);
  const source = `return function formatLines(rows, from, to) {\n  let text = '';\n  for (let i = from; i < to; i++) {\n    const row = rows[i];\n    let v;\n    let t;\n    ${body}\n    text += '\\n';\n  }\n  return text;\n};`;
  const factory = new Function('format', 'types', 'quoted', 'nullText', source) as (...args: unknown[]) => LinesFormatter;
  return factory(formatField, types, quoted, options.nullLiteral ?? '');
}
