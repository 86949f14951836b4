import type { Statement } from './ast';
import type { Catalog, CatalogColumn, CatalogTable } from './catalog';
import { formatType, isTimestamp, typeFromNode } from './data-type';
import type { DiagnosticSink } from './diagnostic';
import { BindAbort, ExpressionBinder } from './expression-binder';
import { mapLegacyOptions } from '../connectors/legacy-options';
import { Scope } from './scope';
import { didYouMean } from './suggest';
import { isProctimeCall, proctimeAttribute } from './bound-relation';

type CreateTable = Extract<Statement, { kind: 'createTable' }>;

/** Checks a CREATE TABLE and turns it into a catalog table; undefined when it cannot be used. */
export function defineTable(statement: CreateTable, catalog: Catalog, diagnostics: DiagnosticSink, connectorNames: string[]): CatalogTable | undefined {
  const name = statement.name[statement.name.length - 1];
  if (catalog.has(name.name)) {
    if (!statement.ifNotExists) diagnostics.error('TABLE_EXISTS', `table or view '${name.name}' already exists`, name.span);
    return undefined;
  }
  let valid = true;
  const columns: CatalogColumn[] = [];
  const seen = new Set<string>();
  for (const column of statement.columns) {
    if (seen.has(column.name.name)) {
      diagnostics.error('DUPLICATE_COLUMN', `column '${column.name.name}' is defined twice`, column.name.span);
      valid = false;
    }
    seen.add(column.name.name);
    if (column.kind === 'computed') continue;
    const type = typeFromNode(column.type);
    if (typeof type === 'string') {
      diagnostics.error('INVALID_TYPE', type, column.type.span);
      valid = false;
      continue;
    }
    columns.push({ name: column.name.name, type, kind: column.kind, metadataKey: column.kind === 'metadata' ? column.key : undefined, virtual: column.kind === 'metadata' && column.virtual });
  }
  // Computed columns see the physical and metadata columns, in the order Flink evaluates them.
  const scope = new Scope(columns.map((c) => ({ qualifier: name.name, name: c.name, type: c.type })));
  const binder = new ExpressionBinder(scope, diagnostics);
  const ordered: CatalogColumn[] = [];
  for (const column of statement.columns) {
    if (column.kind !== 'computed') {
      const physical = columns.find((c) => c.name === column.name.name);
      if (physical) ordered.push(physical);
      continue;
    }
    if (isProctimeCall(column.expr)) {
      ordered.push({ name: column.name.name, type: proctimeAttribute(column.name.name).field.type, kind: 'computed', expr: column.expr, virtual: true });
      continue;
    }
    try {
      const expr = binder.bind(column.expr);
      ordered.push({ name: column.name.name, type: expr.type, kind: 'computed', expr: column.expr, virtual: true });
    } catch (error) {
      if (!(error instanceof BindAbort)) throw error;
      valid = false;
    }
  }
  const allNames = ordered.map((c) => c.name);
  if (statement.watermark) {
    const column = ordered.find((c) => c.name === statement.watermark?.column.name);
    if (!column) {
      diagnostics.error('COLUMN_NOT_FOUND', `watermark column '${statement.watermark.column.name}' not found${didYouMean(statement.watermark.column.name, allNames)}`, statement.watermark.column.span);
      valid = false;
    } else if (!isTimestamp(column.type)) {
      diagnostics.error('TYPE_MISMATCH', `watermark column '${column.name}' must be TIMESTAMP(3) or TIMESTAMP_LTZ(3), not ${formatType(column.type)}`, statement.watermark.column.span);
      valid = false;
    } else {
      try {
        const watermarkBinder = new ExpressionBinder(new Scope(ordered.map((c) => ({ qualifier: name.name, name: c.name, type: c.type }))), diagnostics);
        const expr = watermarkBinder.bind(statement.watermark.expr);
        if (!isTimestamp(expr.type)) diagnostics.error('TYPE_MISMATCH', `the watermark expression must return a timestamp, not ${formatType(expr.type)}`, statement.watermark.expr.span);
      } catch (error) {
        if (!(error instanceof BindAbort)) throw error;
      }
    }
  }
  for (const key of statement.primaryKey?.columns ?? []) {
    if (!allNames.includes(key.name)) diagnostics.error('COLUMN_NOT_FOUND', `primary key column '${key.name}' not found${didYouMean(key.name, allNames)}`, key.span);
  }
  const options: Record<string, string> = {};
  const optionSpans: CatalogTable['optionSpans'] = {};
  for (const option of statement.options) {
    if (option.key in options) diagnostics.error('DUPLICATE_OPTION', `option '${option.key}' is set twice`, option.keySpan);
    options[option.key] = option.value;
    optionSpans[option.key] = { key: option.keySpan, value: option.valueSpan };
  }
  const legacy = mapLegacyOptions(options);
  if (legacy) {
    for (const key of Object.keys(options)) delete options[key];
    Object.assign(options, legacy.options);
    for (const [key, from] of Object.entries(legacy.origin)) if (key !== from) optionSpans[key] = optionSpans[from];
  }
  for (const key of statement.partitionedBy) {
    if (!allNames.includes(key.name)) diagnostics.error('COLUMN_NOT_FOUND', `partition column '${key.name}' not found${didYouMean(key.name, allNames)}`, key.span);
  }
  if (options.connector === undefined) {
    const legacy = options['connector.type'] === undefined ? '' : "; the legacy 'connector.type' options are not supported, use 'connector'";
    diagnostics.error('OPTION_MISSING', `table '${name.name}' has no 'connector' option${legacy}`, statement.withSpan);
    valid = false;
  } else if (!connectorNames.includes(options.connector)) {
    diagnostics.error('CONNECTOR_NOT_FOUND', `unknown connector '${options.connector}'${didYouMean(options.connector, connectorNames)}`, optionSpans.connector.value);
    valid = false;
  }
  const table: CatalogTable = {
    kind: 'table', name: name.name, columns: ordered, options, optionSpans, withSpan: statement.withSpan,
    watermark: statement.watermark ? { column: statement.watermark.column.name, expr: statement.watermark.expr } : undefined,
    primaryKey: statement.primaryKey?.columns.map((c) => c.name) ?? [],
    partitionKeys: statement.partitionedBy.map((c) => c.name),
    valid,
  };
  // An invalid table is still registered, so later statements do not also report it as missing.
  catalog.register(table);
  return valid ? table : undefined;
}
