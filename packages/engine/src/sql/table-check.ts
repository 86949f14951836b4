import { builtinConnectors, type ConnectorRegistry } from '../connectors/connector-registry';
import type { TableRole } from '../connectors/connector';
import type { Statement } from './ast';
import { Catalog, type CatalogTable } from './catalog';
import { formatType } from './data-type';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from './diagnostic';
import { withOptions } from './external-catalog';
import { parseScript } from './parse';
import { defineTable } from './table-definition';
import { problemSpan, tableRoleProblems } from './table-roles';

/** A table definition as a catalog registers it, with every problem positioned in its DDL. */
export interface TableDefinitionCheck {
  name?: string;
  connector?: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
  diagnostics: Diagnostic[];
}

export interface TableCheckOptions {
  connectors?: ConnectorRegistry;
  /** Options added unless the DDL sets them (a connection's). */
  options?: Record<string, string>;
  /** The roles it must be usable in; each is checked against the connector. */
  roles: TableRole[];
}

/** Checks one CREATE TABLE for a catalog: its syntax, types and columns, and its options for each role. */
export function checkTableDefinition(ddl: string, options: TableCheckOptions): TableDefinitionCheck {
  const { table, diagnostics } = defineCatalogTable(ddl, options);
  return {
    ...(table ? { name: table.name, connector: table.options.connector } : {}),
    columns: table?.columns.map((c) => ({ name: c.name, type: formatType(c.type) })) ?? [],
    primaryKey: table?.primaryKey ?? [],
    diagnostics,
  };
}

/** The table one CREATE TABLE defines (with `options` merged), and its problems; no table when it has none to speak of. */
export function defineCatalogTable(ddl: string, options: TableCheckOptions): { table?: CatalogTable; diagnostics: Diagnostic[] } {
  const sink = new DiagnosticSink();
  const connectors = options.connectors ?? builtinConnectors();
  const statements = parseScript(ddl, sink).statements;
  const create = statements.find((s): s is Extract<Statement, { kind: 'createTable' }> => s.kind === 'createTable');
  if (!create || statements.length !== 1) {
    if (!sink.hasErrors()) sink.error('CATALOG_TABLE_INVALID', 'a catalog table is defined by exactly one CREATE TABLE statement', (statements[1] ?? statements[0])?.span ?? { line: 1, column: 1, endLine: 1, endColumn: 2 });
    return { diagnostics: sortDiagnostics(sink.items) };
  }
  const name = create.name[create.name.length - 1].name;
  const scratch = new Catalog();
  defineTable(withOptions(create, name, options.options), scratch, sink, connectors.names());
  const table = scratch.get(name);
  if (table?.kind !== 'table') return { diagnostics: sortDiagnostics(sink.items) };
  const connector = connectors.get(table.options.connector);
  if (connector && table.valid) {
    for (const role of options.roles) {
      for (const problem of tableRoleProblems(connector, table, role)) sink.error(problem.code, `as a ${role === 'lookup' ? 'dimension (lookup) table' : role}: ${problem.message}`, problemSpan(table, problem) ?? create.span);
    }
  }
  return { table, diagnostics: sortDiagnostics(sink.items) };
}
