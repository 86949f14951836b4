import type { DataType } from '../../sql/data-type';
import { FieldParseError, parseField } from './field-codec';

/** CSV settings from the `csv.*` options (Flink's defaults: ',' and '"', NULL as an empty field). */
export interface CsvOptions {
  fieldDelimiter: string;
  quoteCharacter: string | null;
  allowComments: boolean;
  nullLiteral: string | null;
  ignoreParseErrors: boolean;
}

/** Splits CSV text into records of raw fields (quotes resolved); `quoted` marks fields written in quotes. */
export function splitCsvRecords(text: string, options: CsvOptions): { fields: string[]; quoted: boolean[]; line: number }[] {
  const records: { fields: string[]; quoted: boolean[]; line: number }[] = [];
  const delimiter = options.fieldDelimiter;
  const quote = options.quoteCharacter;
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let field = '';
  let isQuoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    quoted.push(isQuoted);
    const blank = fields.length === 1 && field === '' && !isQuoted;
    const comment = options.allowComments && !quoted[0] && fields[0].startsWith('#');
    if (!blank && !comment) records.push({ fields, quoted, line: recordLine });
    fields = [];
    quoted = [];
    field = '';
    isQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === quote && text[i + 1] === quote) {
        field += ch;
        i++;
      } else if (ch === quote) inQuotes = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === quote && field === '') {
      inQuotes = true;
      isQuoted = true;
    } else if (text.startsWith(delimiter, i)) {
      fields.push(field);
      quoted.push(isQuoted);
      field = '';
      isQuoted = false;
      i += delimiter.length - 1;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0 || isQuoted) endRecord();
  return records;
}

/**
 * Reads one record as a row of `types`. Empty unquoted fields (and the null literal) are NULL
 * except for strings, which stay '' as in Flink. Throws FieldParseError naming the column, unless
 * parse errors are ignored (the field becomes NULL; a wrong field count drops the row: null).
 */
export function parseCsvRecord(record: { fields: string[]; quoted: boolean[] }, names: readonly string[], types: readonly DataType[], options: CsvOptions): unknown[] | null {
  if (record.fields.length !== types.length) {
    if (options.ignoreParseErrors) return null;
    throw new FieldParseError(`expected ${types.length} fields, got ${record.fields.length}`);
  }
  const row: unknown[] = new Array(types.length);
  for (let i = 0; i < types.length; i++) {
    const text = record.fields[i];
    const type = types[i];
    const isString = type.kind === 'VARCHAR' || type.kind === 'CHAR';
    if (!record.quoted[i] && (text === options.nullLiteral || (text === '' && !isString))) {
      row[i] = null;
      continue;
    }
    try {
      row[i] = parseField(text, type);
    } catch (error) {
      if (!(error instanceof FieldParseError)) throw error;
      if (!options.ignoreParseErrors) throw new FieldParseError(`column '${names[i]}': ${error.message}`);
      row[i] = null;
    }
  }
  return row;
}
