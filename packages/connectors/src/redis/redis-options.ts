import { formatField, type ConnectorTable, type PlanField, type TableRole } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { FORMAT_OPTIONS, readMessageFormat, readParseErrorPolicy, type MessageFormat, type ParseErrorPolicy } from '../formats/message-format';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const REDIS_OPTION_VALUES = {
  'data-type': ['string', 'hash', 'list', 'stream', 'pubsub'],
  'scan.startup.mode': ['earliest-offset', 'latest-offset'],
  'scan.bounded.mode': ['unbounded', 'latest-offset'],
} as const;

/** How rows map to Redis: a value per key (string), fields per key (hash), or entries of a list, stream or channel. */
export type RedisDataType = 'string' | 'hash' | 'list' | 'stream' | 'pubsub';

/** Everything the redis connector reads from a table's options. */
export interface RedisSpec {
  url: string;
  dataType: RedisDataType;
  /** A key template: `{column}` is replaced by the row's value (`user:{id}`); for list, stream and pubsub a fixed name may do. */
  key: string;
  ttlMs: number | undefined;
  format: MessageFormat;
  group: string | undefined;
  consumer: string;
  startup: 'earliest-offset' | 'latest-offset';
  bounded: 'unbounded' | 'latest-offset';
  parseErrors: ParseErrorPolicy;
  /** Columns the key template names, by index into the table's fields. */
  keyColumns: number[];
}

export const REDIS_REQUIRED = ['key'] as const;
export const REDIS_OPTIONS = [
  'url', 'password', 'data-type', 'ttl', 'stream.group', 'stream.consumer', 'scan.startup.mode', 'scan.bounded.mode',
  'sink.parallelism', 'lookup.max-retries', ...FORMAT_OPTIONS,
] as const;

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Parses and checks a redis table's options for `role`; each problem names its option. */
export function readRedisSpec(table: ConnectorTable, role: TableRole) {
  const reader = new OptionReader(table.options);
  const dataType = reader.oneOf('data-type', REDIS_OPTION_VALUES['data-type'], 'string');
  const key = table.options.key ?? '';
  const names = table.fields.map((f) => f.name);
  const keyColumns: number[] = [];
  for (const [, name] of key.matchAll(PLACEHOLDER)) {
    const index = names.indexOf(name);
    if (index < 0) reader.problems.push({ code: 'OPTION_INVALID', message: `option 'key' names column '{${name}}', which the table does not have (columns: ${names.join(', ')})`, option: 'key' });
    else keyColumns.push(index);
  }
  if ((dataType === 'string' || dataType === 'hash') && role !== 'source' && keyColumns.length === 0) {
    reader.problems.push({ code: 'OPTION_INVALID', message: `a '${dataType}' table needs a key template naming its key columns, such as 'user:{id}', so each row has its own key`, option: 'key' });
  }
  if (role === 'source' && dataType !== 'stream') reader.problems.push({ code: 'OPTION_INVALID', message: `a redis source reads a stream ('data-type' = 'stream'); '${dataType}' is for sinks and lookups`, option: 'data-type' });
  if (role === 'lookup' && dataType !== 'string' && dataType !== 'hash') reader.problems.push({ code: 'OPTION_INVALID', message: `a redis lookup table reads 'string' or 'hash' keys, not '${dataType}'`, option: 'data-type' });
  const ttl = table.options.ttl === undefined ? undefined : reader.duration('ttl', 0);
  const spec: RedisSpec = {
    url: withPassword(reader.string('url', 'redis://127.0.0.1:6379'), reader.string('password')),
    dataType,
    key,
    ttlMs: ttl && ttl > 0 ? ttl : undefined,
    format: readMessageFormat(reader, table.fields, role),
    group: reader.string('stream.group'),
    consumer: reader.string('stream.consumer', 'weir'),
    startup: reader.oneOf('scan.startup.mode', REDIS_OPTION_VALUES['scan.startup.mode'], 'earliest-offset'),
    bounded: reader.oneOf('scan.bounded.mode', REDIS_OPTION_VALUES['scan.bounded.mode'], 'unbounded'),
    parseErrors: readParseErrorPolicy(reader),
    keyColumns,
  };
  if (!/^rediss?:\/\//.test(spec.url)) reader.invalid('url', "a URL such as 'redis://127.0.0.1:6379/0'");
  return { spec, problems: reader.problems };
}

function withPassword(url: string, password: string | undefined): string {
  if (password === undefined) return url;
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

/** Compiles a key template: each `{column}` becomes the row's value as text (SQL text for timestamps and decimals). */
export function compileKey(template: string, fields: readonly PlanField[]): (row: readonly unknown[]) => string {
  const names = fields.map((f) => f.name);
  return (row) => template.replace(PLACEHOLDER, (_, name: string) => {
    const i = names.indexOf(name);
    const value = row[i];
    return value === null || value === undefined ? '' : formatField(value, fields[i].type);
  });
}
