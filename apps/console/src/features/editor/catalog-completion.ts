import type { CatalogTable } from '@weir/contracts';

/**
 * The workspace catalog as completion knows it. Monaco's completion provider is registered once
 * for the language, so the editor hands it the tables it loaded here rather than through props.
 */
let catalogTables: readonly CatalogTable[] = [];

/** Replaces the catalog tables completion offers. */
export function setCompletionCatalog(tables: readonly CatalogTable[]): void {
  catalogTables = tables;
}

/** The catalog tables completion offers. */
export function completionCatalog(): readonly CatalogTable[] {
  return catalogTables;
}
