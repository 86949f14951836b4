import type { Expr, Query } from './ast';
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

/** Tables and views declared by the script; names are case-sensitive, as in Flink. */
export class Catalog {
  private readonly entries = new Map<string, CatalogEntry>();

  /** Looks a name up; undefined when absent. */
  get(name: string): CatalogEntry | undefined {
    return this.entries.get(name);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  register(entry: CatalogEntry): void {
    this.entries.set(entry.name, entry);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }
}

/** Columns a sink writes: all except computed and virtual metadata columns. */
export function persistedColumns(table: CatalogTable): CatalogColumn[] {
  return table.columns.filter((c) => c.kind === 'physical' || (c.kind === 'metadata' && !c.virtual));
}
