import { EngineError, type Connector, type ConnectorTable, type TableRole } from '@weir/engine';
import { JDBC_OPTIONS, JDBC_REQUIRED, readJdbcSpec } from './jdbc-options';
import { JdbcLookupSource } from './jdbc-lookup';
import { JdbcScanReader } from './jdbc-scan-reader';
import { JdbcSinkWriter } from './jdbc-sink-writer';

function specOf(table: ConnectorTable, role: TableRole) {
  const { spec, problems } = readJdbcSpec(table, role);
  if (problems.length > 0) throw new EngineError(`table '${table.table}': ${problems[0].message}`, { code: problems[0].code, domain: 'user' });
  return spec;
}

/** Flink's `jdbc` connector over PostgreSQL and MySQL/MariaDB: bounded scans, upsert or append sinks, lookups. */
export const jdbcConnector: Connector = {
  name: 'jdbc',
  requiredOptions: JDBC_REQUIRED,
  optionalOptions: JDBC_OPTIONS,
  validate: (table, role) => readJdbcSpec(table, role).problems,
  createSource: (table, subtask) => new JdbcScanReader(specOf(table, 'source'), table, subtask),
  createSink: (table, context) => new JdbcSinkWriter(specOf(table, 'sink'), table, context),
  createLookup: (table) => new JdbcLookupSource(specOf(table, 'lookup'), table),
  // Upserts by the PRIMARY KEY replace a row, so -U is not needed (as Flink's JDBC sink).
  sinkChangelogMode: 'upsert',
};
