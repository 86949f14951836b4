import type { ConnectorTable } from '@weir/engine';
import { OptionReader } from '../common/option-reader';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const POSTGRES_CDC_OPTION_VALUES = {
  'decoding.plugin.name': ['pgoutput'],
  'changelog-mode': ['all'],
  'scan.startup.mode': ['initial', 'latest-offset', 'snapshot'],
} as const;

/** Everything the postgres-cdc connector reads from a table's options (Flink CDC's names). */
export interface PostgresCdcSpec {
  hostname: string;
  port: number;
  username: string;
  password: string | undefined;
  database: string;
  schema: string;
  table: string;
  slot: string;
  publication: string;
  /** `snapshot`: the table as it is, then the source ends (a bounded run). */
  startup: 'initial' | 'latest-offset' | 'snapshot';
  connectTimeoutMs: number;
}

export const POSTGRES_CDC_REQUIRED = ['hostname', 'username', 'database-name', 'table-name', 'slot.name'] as const;
export const POSTGRES_CDC_OPTIONS = [
  'port', 'password', 'schema-name', 'decoding.plugin.name', 'scan.startup.mode', 'debezium.publication.name', 'connect.timeout',
  'scan.incremental.snapshot.enabled', 'changelog-mode',
] as const;

/** Parses and checks a postgres-cdc table's options; each problem names its option. */
export function readPostgresCdcSpec(table: ConnectorTable) {
  const reader = new OptionReader(table.options);
  reader.oneOf('decoding.plugin.name', POSTGRES_CDC_OPTION_VALUES['decoding.plugin.name'], 'pgoutput');
  reader.oneOf('changelog-mode', POSTGRES_CDC_OPTION_VALUES['changelog-mode'], 'all');
  if (reader.bool('scan.incremental.snapshot.enabled', false)) {
    reader.problems.push({ code: 'OPTION_UNSUPPORTED', message: "the incremental snapshot is not implemented: the snapshot is read in one exported-snapshot transaction ('false')", option: 'scan.incremental.snapshot.enabled' });
  }
  const slot = table.options['slot.name'] ?? '';
  if (slot !== '' && !/^[a-z0-9_]{1,63}$/.test(slot)) reader.invalid('slot.name', 'lower-case letters, digits and underscores (a replication slot name), at most 63');
  const spec: PostgresCdcSpec = {
    hostname: table.options.hostname ?? '',
    port: reader.int('port', 5432, 1),
    username: table.options.username ?? '',
    password: reader.string('password'),
    database: table.options['database-name'] ?? '',
    schema: reader.string('schema-name', 'public'),
    table: table.options['table-name'] ?? '',
    slot,
    publication: reader.string('debezium.publication.name', `weir_${slot}`),
    startup: reader.oneOf('scan.startup.mode', POSTGRES_CDC_OPTION_VALUES['scan.startup.mode'], 'initial'),
    connectTimeoutMs: reader.duration('connect.timeout', 10_000),
  };
  return { spec, problems: reader.problems };
}
