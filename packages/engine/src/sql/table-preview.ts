import { FieldParseError, formatField } from '../connectors/filesystem/field-codec';
import { parseCsvRecord, splitCsvRecords } from '../connectors/filesystem/csv-format';
import { parseJsonLine } from '../connectors/filesystem/json-format';
import { formatType } from './data-type';
import type { Diagnostic } from './diagnostic';
import { defineCatalogTable, type TableCheckOptions } from './table-check';

/** Messages as a table's DDL reads them: each row's columns as SQL text (NULL as null), or why it could not be read. */
export interface TablePreview {
  columns: { name: string; type: string }[];
  rows: { values: Record<string, string | null> | null; error?: string }[];
  diagnostics: Diagnostic[];
}

/**
 * Parses sampled messages with the columns and format (`format` or `value.format`: json, csv,
 * raw) a CREATE TABLE declares, as its connector would, so an edited DDL can be tried on real data.
 */
export function previewTableRows(ddl: string, messages: readonly string[], options: Omit<TableCheckOptions, 'roles'>): TablePreview {
  const { table, diagnostics } = defineCatalogTable(ddl, { ...options, roles: [] });
  if (!table || diagnostics.some((d) => d.severity === 'error')) return { columns: [], rows: [], diagnostics };
  const physical = table.columns.filter((c) => c.kind === 'physical');
  const names = physical.map((c) => c.name);
  const types = physical.map((c) => c.type);
  const format = table.options.format ?? table.options['value.format'] ?? 'json';
  const read = (message: string): unknown[] | null => {
    if (format === 'raw') return [message];
    if (format === 'csv') {
      const csv = { fieldDelimiter: table.options['csv.field-delimiter'] ?? ',', quoteCharacter: '"', allowComments: false, nullLiteral: table.options['csv.null-literal'] ?? null, ignoreParseErrors: false };
      const [record] = splitCsvRecords(message, csv);
      return record ? parseCsvRecord(record, names, types, csv) : null;
    }
    return parseJsonLine(message, names, types, { ignoreParseErrors: false, failOnMissingField: table.options['json.fail-on-missing-field'] === 'true', isoTimestamps: table.options['json.timestamp-format.standard'] === 'ISO-8601' });
  };
  const rows = messages.map((message) => {
    try {
      const row = read(message);
      if (!row) return { values: null, error: 'no record' };
      return { values: Object.fromEntries(names.map((name, i) => [name, row[i] === null || row[i] === undefined ? null : formatField(row[i], types[i])])) };
    } catch (error) {
      if (error instanceof FieldParseError) return { values: null, error: error.message };
      throw error;
    }
  });
  return { columns: physical.map((c) => ({ name: c.name, type: formatType(c.type) })), rows, diagnostics };
}
