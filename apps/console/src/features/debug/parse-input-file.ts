import { t } from '../i18n/t';

type Row = Record<string, string | unknown>;

/**
 * Rows from an uploaded file: a JSON array of objects, JSON Lines, or CSV with a header row
 * (quoted fields, doubled quotes, CRLF). CSV values stay strings; the engine parses them by column type.
 */
export function parseInputFile(name: string, text: string): Row[] {
  const trimmed = text.trimStart();
  if (name.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) return parseJson(trimmed);
  return parseCsv(text);
}

function parseJson(text: string): Row[] {
  if (text.startsWith('[')) {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) throw new Error(t('debug.file.notArray'));
    return value.map((row, i) => asRow(row, i + 1));
  }
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return asRow(JSON.parse(line), i + 1);
      } catch (error) {
        throw new Error(t('debug.file.lineNotJson', { line: i + 1, error: error instanceof Error ? error.message : String(error) }), { cause: error });
      }
    });
}

function asRow(value: unknown, line: number): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(t('debug.file.rowNotObject', { line }));
  return value as Row;
}

function parseCsv(text: string): Row[] {
  const records = csvRecords(text);
  const header = records.shift();
  if (!header) return [];
  return records
    .filter((fields) => !(fields.length === 1 && fields[0] === ''))
    .map((fields, i) => {
      if (fields.length > header.length) throw new Error(t('debug.file.csvTooManyFields', { line: i + 2, fields: fields.length, header: header.length }));
      return Object.fromEntries(header.map((column, c) => [column.trim(), fields[c] ?? '']));
    });
}

function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}
