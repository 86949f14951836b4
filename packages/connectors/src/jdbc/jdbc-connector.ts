import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { JDBC_OPTION_VALUES, JDBC_OPTIONS, JDBC_REQUIRED, readJdbcSpec } from './jdbc-options';
import { JdbcLookupSource } from './jdbc-lookup';
import { JdbcScanReader } from './jdbc-scan-reader';
import { JdbcSinkWriter } from './jdbc-sink-writer';

/** Flink's `jdbc` connector over PostgreSQL and MySQL/MariaDB: bounded scans, upsert or append sinks, lookups. */
export const jdbcConnector: Connector = {
  name: 'jdbc',
  requiredOptions: JDBC_REQUIRED,
  optionalOptions: JDBC_OPTIONS,
  optionValues: JDBC_OPTION_VALUES,
  validate: (table, role) => readJdbcSpec(table, role).problems,
  createSource: (table, subtask) => new JdbcScanReader(specOrThrow(table.table, readJdbcSpec(table, 'source')), table, subtask),
  createSink: (table, context) => new JdbcSinkWriter(specOrThrow(table.table, readJdbcSpec(table, 'sink')), table, context),
  createLookup: (table) => new JdbcLookupSource(specOrThrow(table.table, readJdbcSpec(table, 'lookup')), table),
  // Upserts by the PRIMARY KEY replace a row, so -U is not needed (as Flink's JDBC sink).
  sinkChangelogMode: 'upsert',
};
