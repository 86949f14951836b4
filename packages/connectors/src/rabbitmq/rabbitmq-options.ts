import type { ConnectorTable, TableRole } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { FORMAT_OPTIONS, readMessageFormat, readParseErrorPolicy, type MessageFormat, type ParseErrorPolicy } from '../formats/message-format';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const RABBITMQ_OPTION_VALUES = {
  'scan.deduplication': ['message-id', 'none'],
  'sink.delivery-guarantee': ['at-least-once', 'none'],
} as const;

/** Everything the rabbitmq connector reads from a table's options. */
export interface RabbitMqSpec {
  uri: string;
  queue: string | undefined;
  declareQueue: boolean;
  exchange: string;
  exchangeType: string | undefined;
  routingKey: string;
  prefetch: number;
  deduplicate: boolean;
  format: MessageFormat;
  parseErrors: ParseErrorPolicy;
  confirms: boolean;
}

export const RABBITMQ_OPTIONS = [
  'uri', 'username', 'password', 'queue', 'queue.declare', 'exchange', 'exchange.type', 'routing-key', 'prefetch.count',
  'scan.deduplication', 'sink.delivery-guarantee', 'sink.parallelism', ...FORMAT_OPTIONS,
] as const;

/** Parses and checks a rabbitmq table's options for `role`; each problem names its option. */
export function readRabbitMqSpec(table: ConnectorTable, role: TableRole) {
  const reader = new OptionReader(table.options);
  const uri = new URL(reader.string('uri', 'amqp://guest:guest@127.0.0.1:5672'));
  if (!/^amqps?:$/.test(uri.protocol)) reader.invalid('uri', "an AMQP URI such as 'amqp://127.0.0.1:5672/vhost'");
  const username = reader.string('username');
  const password = reader.string('password');
  if (username !== undefined) uri.username = encodeURIComponent(username);
  if (password !== undefined) uri.password = encodeURIComponent(password);
  const queue = reader.string('queue');
  if (role === 'source' && queue === undefined) reader.require('queue', 'for a rabbitmq source');
  const exchange = reader.string('exchange', '');
  if (role === 'sink' && exchange === '' && queue === undefined && table.options['routing-key'] === undefined) {
    reader.problems.push({ code: 'OPTION_MISSING', message: "a rabbitmq sink needs 'queue', or 'exchange' with 'routing-key'", option: 'exchange' });
  }
  const spec: RabbitMqSpec = {
    uri: uri.toString(),
    queue,
    declareQueue: reader.bool('queue.declare', true),
    exchange,
    exchangeType: reader.string('exchange.type'),
    routingKey: reader.string('routing-key', queue ?? ''),
    prefetch: reader.int('prefetch.count', 5000, 1),
    deduplicate: reader.oneOf('scan.deduplication', RABBITMQ_OPTION_VALUES['scan.deduplication'], 'message-id') === 'message-id',
    format: readMessageFormat(reader, table.fields, role),
    parseErrors: readParseErrorPolicy(reader),
    confirms: reader.oneOf('sink.delivery-guarantee', RABBITMQ_OPTION_VALUES['sink.delivery-guarantee'], 'at-least-once') === 'at-least-once',
  };
  return { spec, problems: reader.problems };
}
