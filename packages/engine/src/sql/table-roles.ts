import type { Connector, ConnectorProblem, TableRole } from '../connectors/connector';
import { checkConnectorOptions } from '../connectors/connector-registry';
import { persistedColumns, type CatalogTable } from './catalog';
import type { Span } from './span';

/** What is wrong with using a table in a role (its connector's options, its columns), as its connector says. */
export function tableRoleProblems(connector: Connector, table: CatalogTable, role: TableRole): ConnectorProblem[] {
  const fields = (role !== 'sink' ? table.columns.filter((c) => c.kind !== 'computed') : persistedColumns(table)).map((c) => ({ name: c.name, type: c.type }));
  return checkConnectorOptions(connector, { table: table.name, options: table.options, fields, partitionKeys: table.partitionKeys, ...(table.primaryKey.length ? { primaryKey: table.primaryKey } : {}) }, role);
}

/** Where a problem is written: the option's key (unsupported) or value, else the WITH clause. */
export function problemSpan(table: CatalogTable, problem: ConnectorProblem): Span | undefined {
  const spans = problem.option ? table.optionSpans[problem.option] : undefined;
  if (spans) return problem.code === 'OPTION_UNSUPPORTED' ? spans.key : spans.value;
  return table.withSpan;
}
