import type { Expr, Ident, Query } from './ast';
import type { Span } from './span';
import type { DataType } from './data-type';

export interface CatalogColumn {
  name: string;
  type: DataType;
  kind: 'physical' | 'computed' | 'metadata';
  /** The expression of a computed column, bound against the physical and metadata columns. */
  expr?: Expr;
  metadataKey?: string;
  virtual: boolean;
}

export interface CatalogTable {
  kind: 'table';
  name: string;
  columns: CatalogColumn[];
  options: Record<string, string>;
  /** Where each option's key and value were written, for diagnostics. */
  optionSpans: Record<string, { key: Span; value: Span }>;
  withSpan: Span;
  watermark?: { column: string; expr: Expr };
  primaryKey: string[];
  /** `PARTITIONED BY` columns, in order. */
  partitionKeys?: string[];
  /** False when the definition had errors; uses of it are then not reported again. */
  valid: boolean;
}

export interface CatalogView {
  kind: 'view';
  name: string;
  query: Query;
  /** Output columns, known once the view validated; undefined when its query was invalid. */
  columns?: { name: string; type: DataType }[];
}

export type CatalogEntry = CatalogTable | CatalogView;

/** The catalog and database Flink starts a session in; tables of the workspace catalog live there. */
export const DEFAULT_CATALOG = 'default_catalog';
export const DEFAULT_DATABASE = 'default_database';

/** A table's full name. */
export interface TablePath {
  catalog: string;
  database: string;
  name: string;
}

/** Resolves names the script does not declare itself, from catalogs registered outside it. */
export interface ExternalTableResolver {
  resolve(path: TablePath, at: Span): CatalogTable | undefined;
  catalogs(): string[];
  databases(catalog: string): string[];
  tables(catalog: string, database: string): string[];
}

/**
 * Tables and views declared by the script, over the external catalogs; names are case-sensitive,
 * as in Flink. A script's own table shadows a catalog table of the same name in the current database.
 */
export class Catalog {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly external = new Map<string, CatalogTable>();
  /** The catalog and database current when the script declared each of its tables: where Flink puts a temporary table. */
  private readonly homes = new Map<string, { catalog: string; database: string }>();
  currentCatalog = DEFAULT_CATALOG;
  currentDatabase = DEFAULT_DATABASE;

  constructor(private readonly resolver?: ExternalTableResolver) {}

  /** Looks a name up as registered (a script table, or an external one by its display name); undefined when absent. */
  get(name: string): CatalogEntry | undefined {
    return this.entries.get(name) ?? this.external.get(name);
  }

  /** Resolves a possibly qualified name (`t`, `db.t`, `catalog.db.t`) against the current catalog and database. */
  lookup(parts: Ident[]): CatalogEntry | undefined {
    const path = this.pathOf(parts.map((p) => p.name));
    const own = this.entries.get(path.name);
    const home = this.homes.get(path.name);
    if (own && home?.catalog === path.catalog && home.database === path.database) return own;
    const display = displayName(path);
    const cached = this.external.get(display);
    if (cached) return cached;
    const table = this.resolver?.resolve(path, parts[parts.length - 1].span);
    if (!table) return undefined;
    const named = { ...table, name: display };
    this.external.set(display, named);
    return named;
  }

  /** The full path a name written in the script stands for. */
  pathOf(parts: string[]): TablePath {
    const name = parts[parts.length - 1] ?? '';
    if (parts.length === 1) return { catalog: this.currentCatalog, database: this.currentDatabase, name };
    if (parts.length === 2) return { catalog: this.currentCatalog, database: parts[0], name };
    return { catalog: parts[parts.length - 3], database: parts[parts.length - 2], name };
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  register(entry: CatalogEntry): void {
    this.entries.set(entry.name, entry);
    this.homes.set(entry.name, { catalog: this.currentCatalog, database: this.currentDatabase });
  }

  /** Names visible unqualified: the script's own and the current database's. */
  names(): string[] {
    return [...new Set([...this.entries.keys(), ...this.tablesOf(this.currentCatalog, this.currentDatabase)])];
  }

  catalogs(): string[] {
    return [...new Set([DEFAULT_CATALOG, ...(this.resolver?.catalogs() ?? [])])];
  }

  databases(catalog: string): string[] {
    const listed = this.resolver?.databases(catalog) ?? [];
    return catalog === DEFAULT_CATALOG ? [...new Set([DEFAULT_DATABASE, ...listed])] : listed;
  }

  tablesOf(catalog: string, database: string): string[] {
    return this.resolver?.tables(catalog, database) ?? [];
  }
}

/** How a resolved external table is named in plans and messages: bare in the default database, else in full. */
function displayName(path: TablePath): string {
  return path.catalog === DEFAULT_CATALOG && path.database === DEFAULT_DATABASE ? path.name : `${path.catalog}.${path.database}.${path.name}`;
}

/** Columns a sink writes: all except computed and virtual metadata columns. */
export function persistedColumns(table: CatalogTable): CatalogColumn[] {
  return table.columns.filter((c) => c.kind === 'physical' || (c.kind === 'metadata' && !c.virtual));
}
