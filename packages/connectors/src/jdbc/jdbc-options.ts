import { LOOKUP_OPTIONS, type ConnectorTable, type TableRole } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { parseJdbcUrl, type JdbcTarget } from './jdbc-url';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const JDBC_OPTION_VALUES = {
  'sink.delivery-guarantee': ['at-least-once', 'exactly-once'],
} as const;

/** Flink's numeric partitioning of a scan: `num` ranges of the column between the bounds. */
export interface ScanPartitioning {
  column: string;
  num: number;
  lower: number;
  upper: number;
}

/** Everything the jdbc connector reads from a table's options. */
export interface JdbcSpec {
  target: JdbcTarget;
  tableName: string;
  username: string | undefined;
  password: string | undefined;
  connectTimeoutMs: number;
  partitioning: ScanPartitioning | undefined;
  fetchSize: number;
  flushMaxRows: number;
  flushIntervalMs: number;
  maxRetries: number;
  delivery: 'at-least-once' | 'exactly-once';
  markerTable: string;
  lookupMaxRetries: number;
}

export const JDBC_REQUIRED = ['url', 'table-name'] as const;
export const JDBC_OPTIONS = [
  'driver', 'username', 'password', 'connection.max-retry-timeout',
  'scan.partition.column', 'scan.partition.num', 'scan.partition.lower-bound', 'scan.partition.upper-bound', 'scan.fetch-size', 'scan.auto-commit',
  'sink.buffer-flush.max-rows', 'sink.buffer-flush.interval', 'sink.max-retries', 'sink.parallelism', 'sink.delivery-guarantee', 'sink.commit-marker.table',
  'lookup.max-retries', ...LOOKUP_OPTIONS,
] as const;

const PARTITION_OPTIONS = ['scan.partition.column', 'scan.partition.num', 'scan.partition.lower-bound', 'scan.partition.upper-bound'] as const;

/** Parses and checks a jdbc table's options; each problem names its option. */
export function readJdbcSpec(table: ConnectorTable, role: TableRole) {
  const reader = new OptionReader(table.options);
  const target = parseJdbcUrl(table.options.url ?? '');
  if (!target) reader.invalid('url', "a JDBC URL such as 'jdbc:postgresql://host:5432/db' or 'jdbc:mysql://host:3306/db'");
  let partitioning: ScanPartitioning | undefined;
  const given = PARTITION_OPTIONS.filter((o) => table.options[o] !== undefined);
  if (given.length > 0 && given.length < PARTITION_OPTIONS.length) {
    const missing = PARTITION_OPTIONS.filter((o) => table.options[o] === undefined);
    reader.problems.push({ code: 'OPTION_MISSING', message: `the scan partition options go together: '${given[0]}' is set, ${missing.map((m) => `'${m}'`).join(', ')} missing`, option: given[0] });
  } else if (given.length === PARTITION_OPTIONS.length) {
    const column = table.options['scan.partition.column'];
    const field = table.fields.find((f) => f.name === column);
    if (!field || !['TINYINT', 'SMALLINT', 'INT', 'BIGINT'].includes(field.type.kind)) {
      reader.invalid('scan.partition.column', 'an integer column of the table');
    }
    partitioning = {
      column,
      num: reader.int('scan.partition.num', 1, 1),
      lower: reader.int('scan.partition.lower-bound', 0, Number.MIN_SAFE_INTEGER),
      upper: reader.int('scan.partition.upper-bound', 0, Number.MIN_SAFE_INTEGER),
    };
    if (partitioning.upper < partitioning.lower) reader.invalid('scan.partition.upper-bound', `at least 'scan.partition.lower-bound' (${partitioning.lower})`);
  }
  reader.bool('scan.auto-commit', true);
  const spec: JdbcSpec = {
    target: target ?? { dialect: 'postgres', host: '', port: 0, database: '', params: {} },
    tableName: table.options['table-name'] ?? '',
    username: reader.string('username'),
    password: reader.string('password'),
    connectTimeoutMs: reader.duration('connection.max-retry-timeout', 60_000),
    partitioning,
    fetchSize: reader.int('scan.fetch-size', 0, 0) || 1000,
    flushMaxRows: reader.int('sink.buffer-flush.max-rows', 100, 0),
    flushIntervalMs: reader.duration('sink.buffer-flush.interval', 1_000),
    maxRetries: reader.int('sink.max-retries', 3, 0),
    delivery: reader.oneOf('sink.delivery-guarantee', JDBC_OPTION_VALUES['sink.delivery-guarantee'], 'at-least-once'),
    markerTable: reader.string('sink.commit-marker.table', 'weir_sink_commits'),
    lookupMaxRetries: reader.int('lookup.max-retries', 3, 0),
  };
  if (role === 'lookup' && spec.partitioning) reader.problems.push({ code: 'OPTION_INVALID', message: 'scan partitioning applies to scans, not to lookups', option: 'scan.partition.column' });
  return { spec, problems: reader.problems };
}
