import type { Statement, TableOption } from './ast';
import { Catalog, DEFAULT_CATALOG, DEFAULT_DATABASE, type CatalogTable, type ExternalTableResolver, type TablePath } from './catalog';
import { DiagnosticSink } from './diagnostic';
import { parseScript } from './parse';
import type { Span } from './span';
import { defineTable } from './table-definition';

/** A table a catalog defines: its CREATE TABLE text, and options merged into its WITH clause. */
export interface CatalogTableSource {
  ddl: string;
  /**
   * Options the table gets unless its DDL sets them, e.g. a connection's host and credentials,
   * kept out of the DDL so it can be shown and edited without them.
   */
  options?: Record<string, string>;
}

/** Catalogs outside the script: the workspace's registered tables and external (JDBC) catalogs. */
export interface ExternalCatalog {
  /** Catalog names besides `default_catalog`. */
  catalogs(): string[];
  databases(catalog: string): string[];
  tables(catalog: string, database: string): string[];
  table(path: TablePath): CatalogTableSource | undefined;
}

/** A table with its full path, as a catalog lists it or a job version records it. */
export type CatalogTableEntry = TablePath & CatalogTableSource;

/** A catalog of fixed entries: the tables a deployment was pinned to, or a CLI's catalog file. */
export function catalogOfTables(entries: readonly CatalogTableEntry[]): ExternalCatalog {
  const key = (p: TablePath) => `${p.catalog}\u0000${p.database}\u0000${p.name}`;
  const byPath = new Map(entries.map((e) => [key(e), e]));
  const unique = (values: string[]) => [...new Set(values)];
  return {
    catalogs: () => unique(entries.map((e) => e.catalog).filter((c) => c !== DEFAULT_CATALOG)),
    databases: (catalog) => unique(entries.filter((e) => e.catalog === catalog).map((e) => e.database)),
    tables: (catalog, database) => entries.filter((e) => e.catalog === catalog && e.database === database).map((e) => e.name),
    table: (path) => byPath.get(key(path)),
  };
}

type CreateTable = Extract<Statement, { kind: 'createTable' }>;

/** A CREATE TABLE under another name, with options it does not set itself added (positioned at its WITH). */
export function withOptions(create: CreateTable, name: string, extra: Record<string, string> = {}): CreateTable {
  const written = new Set(create.options.map((o) => o.key));
  const added: TableOption[] = Object.entries(extra).filter(([key]) => !written.has(key)).map(([key, value]) => ({ key, value, keySpan: create.withSpan, valueSpan: create.withSpan }));
  const last = create.name[create.name.length - 1];
  return { ...create, name: [{ ...last, name }], ifNotExists: false, options: [...create.options, ...added] };
}

/** Turns an external catalog's DDL into catalog tables, reporting a broken definition where the script names it. */
export class ExternalTables implements ExternalTableResolver {
  constructor(
    private readonly catalog: ExternalCatalog,
    private readonly diagnostics: DiagnosticSink,
    private readonly connectorNames: () => string[],
  ) {}

  resolve(path: TablePath, at: Span): CatalogTable | undefined {
    const source = this.catalog.table(path);
    if (!source) return undefined;
    const label = path.catalog === DEFAULT_CATALOG && path.database === DEFAULT_DATABASE ? path.name : `${path.catalog}.${path.database}.${path.name}`;
    const own = new DiagnosticSink();
    const statements = parseScript(source.ddl, own).statements;
    const create = statements.find((s): s is CreateTable => s.kind === 'createTable');
    if (!create || statements.length !== 1) {
      const parseError = own.items[0];
      const why = parseError ? ` (line ${parseError.line}, column ${parseError.column} of its definition): ${parseError.message}` : ': its definition is not one CREATE TABLE statement';
      this.diagnostics.error('CATALOG_TABLE_INVALID', `catalog table '${label}' is invalid${why}`, at);
      return undefined;
    }
    const scratch = new Catalog();
    defineTable(withOptions(create, path.name, source.options), scratch, own, this.connectorNames());
    const table = scratch.get(path.name);
    if (table?.kind !== 'table') return undefined;
    const problem = own.items.find((d) => d.severity === 'error');
    if (problem) {
      this.diagnostics.error('CATALOG_TABLE_INVALID', `catalog table '${label}' is invalid (line ${problem.line}, column ${problem.column} of its definition): ${problem.message}`, at);
      return { ...table, valid: false };
    }
    // Option positions belong to the catalog's DDL, not the script: problems found later point at the reference.
    return { ...table, optionSpans: {}, withSpan: at };
  }

  catalogs(): string[] {
    return this.catalog.catalogs();
  }

  databases(catalog: string): string[] {
    return this.catalog.databases(catalog);
  }

  tables(catalog: string, database: string): string[] {
    return this.catalog.tables(catalog, database);
  }
}
