/**
 * Function coverage: which entries of Flink's function catalogue (sql_functions.yml) with a SQL
 * form Weir implements. Function-call entries are looked up in the scalar and aggregate registries;
 * operator and special-syntax entries are checked by binding a probe expression with the real binder.
 * Run: npm run coverage:functions -w @weir/engine
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AGGREGATE_FUNCTION_NAMES } from '../src/functions/aggregate-function-names';
import { findScalarFunction } from '../src/functions/builtin-scalar-functions';
import { evaluate } from '../src/functions/test-support/evaluate';

// shared/ stands beside the repository, in CI as on a developer's machine.
export const CATALOGUE_PATH = fileURLToPath(new URL('../../../../shared/reference/flink/sql_functions.yml', import.meta.url));

/** One catalogue entry with a SQL form: its category and the first line of the form. */
export interface CatalogueEntry {
  category: string;
  sql: string;
}

/** Reads the catalogue's simple YAML shape: `category:` lines, then `- sql: text` or `- sql: |` blocks. */
export function readCatalogue(text: string): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  const lines = text.split('\n');
  let category = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^([a-z]+):\s*$/.exec(line);
    if (header) category = header[1];
    const sql = /^ {2}- sql: (.*)$/.exec(line);
    if (!sql) continue;
    let first = sql[1].trim();
    if (first === '|') first = (lines.slice(i + 1).find((l) => l.trim() !== '') ?? '').trim();
    entries.push({ category, sql: first.replace(/^'(.*)'$/, '$1') });
  }
  return entries;
}

// Probes for entries that are operators or special syntax, by the first line of their SQL form.
const PROBES: Record<string, string> = {
  'value1 = value2': 'i = 1', 'value1 <> value2': 'i <> 1', 'value1 > value2': 'i > 1', 'value1 >= value2': 'i >= 1',
  'value1 < value2': 'i < 1', 'value1 <= value2': 'i <= 1', 'value IS NULL': 'i IS NULL', 'value IS NOT NULL': 'i IS NOT NULL',
  'value1 IS DISTINCT FROM value2': 'i IS DISTINCT FROM 1', 'value1 IS NOT DISTINCT FROM value2': 'i IS NOT DISTINCT FROM 1',
  'value1 BETWEEN [ ASYMMETRIC | SYMMETRIC ] value2 AND value3': 'i BETWEEN SYMMETRIC 5 AND 1',
  'value1 NOT BETWEEN [ ASYMMETRIC | SYMMETRIC ] value2 AND value3': 'i NOT BETWEEN ASYMMETRIC 1 AND 5',
  'string1 LIKE string2 [ ESCAPE char ]': "s LIKE 'a!%' ESCAPE '!'", 'string1 NOT LIKE string2 [ ESCAPE char ]': "s NOT LIKE 'a%'",
  'string1 SIMILAR TO string2 [ ESCAPE char ]': "s SIMILAR TO '(a|b)%'", 'string1 NOT SIMILAR TO string2 [ ESCAPE char ]': "s NOT SIMILAR TO 'a%'",
  'value1 IN (value2 [, value3]* )': 'i IN (1, 2)', 'value1 NOT IN (value2 [, value3]* )': 'i NOT IN (1, 2)',
  'EXISTS (sub-query)': 'EXISTS (SELECT 1)', 'value IN (sub-query)': 'i IN (SELECT 1)', 'value NOT IN (sub-query)': 'i NOT IN (SELECT 1)',
  'boolean1 OR boolean2': 'TRUE OR i > 1', 'boolean1 AND boolean2': 'TRUE AND i > 1', 'NOT boolean': 'NOT i > 1',
  'boolean IS FALSE': '(i > 1) IS FALSE', 'boolean IS NOT FALSE': '(i > 1) IS NOT FALSE', 'boolean IS TRUE': '(i > 1) IS TRUE',
  'boolean IS NOT TRUE': '(i > 1) IS NOT TRUE', 'boolean IS UNKNOWN': '(i > 1) IS UNKNOWN', 'boolean IS NOT UNKNOWN': '(i > 1) IS NOT UNKNOWN',
  '+ numeric': '+i', '- numeric': '-i', 'numeric1 + numeric2': 'i + d', 'numeric1 - numeric2': 'i - d', 'numeric1 * numeric2': 'i * d',
  'numeric1 / numeric2': 'i / d', 'numeric1 % numeric2': 'i % 3', 'string1 || string2': "s || 'x'",
  'DATE string': "DATE '2024-01-01'", 'TIME string': "TIME '10:00:00'", 'TIMESTAMP string': "TIMESTAMP '2024-01-01 10:00:00'",
  'INTERVAL string range': "ts + INTERVAL '10 00:00:00.004' DAY TO SECOND + INTERVAL '2-10' YEAR TO MONTH",
  LOCALTIME: 'LOCALTIME', LOCALTIMESTAMP: 'LOCALTIMESTAMP', CURRENT_TIME: 'CURRENT_TIME', CURRENT_DATE: 'CURRENT_DATE', CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  '(timepoint1, temporal1) OVERLAPS (timepoint2, temporal2)': "(TIME '09:00:00', TIME '10:00:00') OVERLAPS (TIME '10:15:00', INTERVAL '3' HOUR)",
  'CASE value': "CASE i WHEN 1 THEN 'a' ELSE 'b' END", 'CASE': "CASE WHEN i > 1 THEN 'a' END",
  'CAST(value AS type)': 'CAST(s AS INT)', 'TRY_CAST(value AS type)': 'TRY_CAST(s AS INT)',
  "array '[' INT ']'": 'ARRAY[1, 2][1]', "map '[' value ']'": "MAP['a', 1]['a']",
  'IS JSON [ { VALUE | SCALAR | ARRAY | OBJECT } ]': 's IS JSON SCALAR',
  "variant '[' INT ']'": "PARSE_JSON('[1]')[1]", "variant '[' STRING ']'": "PARSE_JSON('{}')['a']",
  "ARRAY '[' value1 [, value2 ]* ']'": 'ARRAY[1, 2]', "MAP '[' value1, value2 [, value3, value4 ]* ']'": "MAP['a', 1]",
  "DESCRIPTOR '(' identifier1 [, identifier2  ]* ')'": 'DESCRIPTOR(i)', '**implicit** constructor with parenthesis': '(i, s)',
  'tableName.compositeType.field': 't.r.f', 'tableName.compositeType.*': 't.r.*',
  'JSON_OBJECT([[KEY] key VALUE value]* [ { NULL | ABSENT } ON NULL ])': "JSON_OBJECT(KEY 'a' VALUE i ABSENT ON NULL)",
  'JSON_ARRAY([value]* [ { NULL | ABSENT } ON NULL ])': 'JSON_ARRAY(i, s NULL ON NULL)',
  'JSON_STRING(variant)': "JSON_STRING(PARSE_JSON('[1]'))",
};

/** Whether Weir implements an entry: a binding probe, or a registry lookup by the function name. */
export function isImplemented(entry: CatalogueEntry): boolean {
  const probe = PROBES[entry.sql];
  if (probe !== undefined) return evaluate(probe).error === undefined;
  const name = /^([A-Z_][A-Z_0-9]*)\s*\(/.exec(entry.sql)?.[1];
  if (!name) return false;
  if (entry.category === 'aggregate' || entry.category === 'bitmapagg') return AGGREGATE_FUNCTION_NAMES.includes(name);
  return findScalarFunction(name) !== undefined && !AGGREGATE_ONLY.has(name);
}

// Catalogue names that are aggregates in any category (GROUPING needs GROUP BY).
const AGGREGATE_ONLY = new Set(['GROUP_ID', 'GROUPING', 'CURRENT_WATERMARK']);

/** Per category: implemented entries, entries with a SQL form, and the missing ones. */
export interface CoverageRow {
  category: string;
  implemented: number;
  total: number;
  missing: string[];
}

/** Measures coverage of the catalogue text. */
export function measureCoverage(text: string): { rows: CoverageRow[]; implemented: number; total: number } {
  const rows = new Map<string, CoverageRow>();
  for (const entry of readCatalogue(text)) {
    const row = rows.get(entry.category) ?? { category: entry.category, implemented: 0, total: 0, missing: [] };
    rows.set(entry.category, row);
    row.total++;
    if (isImplemented(entry)) row.implemented++;
    else row.missing.push(entry.sql);
  }
  const all = [...rows.values()];
  return { rows: all, implemented: all.reduce((n, r) => n + r.implemented, 0), total: all.reduce((n, r) => n + r.total, 0) };
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function main(): void {
  const { rows, implemented, total } = measureCoverage(readFileSync(CATALOGUE_PATH, 'utf8'));
  const out: string[] = ['category            implemented / entries   percent'];
  for (const row of rows) out.push(`${row.category.padEnd(20)}${String(row.implemented).padStart(11)} / ${String(row.total).padEnd(9)}${percent(row.implemented, row.total).padStart(8)}`);
  out.push(`${'TOTAL'.padEnd(20)}${String(implemented).padStart(11)} / ${String(total).padEnd(9)}${percent(implemented, total).padStart(8)}`, '', 'missing:');
  for (const row of rows) for (const sql of row.missing) out.push(`  ${row.category}: ${sql}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

