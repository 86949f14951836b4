import type { ConnectorTable, TableRole } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { FORMAT_OPTIONS, readMessageFormat, readParseErrorPolicy, type MessageFormat, type ParseErrorPolicy } from '../formats/message-format';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const NATS_OPTION_VALUES = {
  'scan.startup.mode': ['earliest-offset', 'latest-offset', 'timestamp', 'specific-offset'],
  'scan.bounded.mode': ['unbounded', 'latest-offset', 'timestamp'],
  'sink.delivery-guarantee': ['none', 'at-least-once', 'exactly-once'],
} as const;

/** Where a JetStream source starts when nothing is restored (Flink's `scan.startup.mode` names). */
export type NatsStartup = { mode: 'earliest-offset' } | { mode: 'latest-offset' } | { mode: 'timestamp'; timestampMs: number } | { mode: 'specific-offset'; sequence: number };

/** Where a bounded JetStream source ends (Flink's `scan.bounded.mode`). */
export type NatsBound = { mode: 'unbounded' } | { mode: 'latest-offset' } | { mode: 'timestamp'; timestampMs: number };

/** Everything the nats connector reads from a table's options. */
export interface NatsSpec {
  servers: string[];
  subject: string;
  /** JetStream stream; absent: core NATS (at most once, no replay). */
  stream: string | undefined;
  durableName: string | undefined;
  user: string | undefined;
  pass: string | undefined;
  token: string | undefined;
  connectTimeoutMs: number;
  startup: NatsStartup;
  bound: NatsBound;
  format: MessageFormat;
  parseErrors: ParseErrorPolicy;
  delivery: 'none' | 'at-least-once' | 'exactly-once';
  /** Publishes a JetStream sink keeps unacknowledged before it slows the job down. */
  maxInFlight: number;
}

export const NATS_REQUIRED = ['servers', 'subject'] as const;
export const NATS_OPTIONS = [
  'stream', 'consumer.durable-name', 'username', 'password', 'token', 'connect.timeout',
  'scan.startup.mode', 'scan.startup.timestamp-millis', 'scan.startup.specific-offset', 'scan.bounded.mode', 'scan.bounded.timestamp-millis',
  'sink.delivery-guarantee', 'sink.max-in-flight', 'sink.parallelism',
  ...FORMAT_OPTIONS,
] as const;

/** Parses and checks a nats table's options for `role`; each problem names its option. */
export function readNatsSpec(table: ConnectorTable, role: TableRole) {
  const reader = new OptionReader(table.options);
  const stream = reader.string('stream');
  const startupMode = reader.oneOf('scan.startup.mode', NATS_OPTION_VALUES['scan.startup.mode'], stream ? 'earliest-offset' : 'latest-offset');
  const startup: NatsStartup = startupMode === 'timestamp'
    ? { mode: 'timestamp', timestampMs: reader.requireInt('scan.startup.timestamp-millis', "when 'scan.startup.mode' is 'timestamp'") }
    : startupMode === 'specific-offset'
      ? { mode: 'specific-offset', sequence: reader.requireInt('scan.startup.specific-offset', "when 'scan.startup.mode' is 'specific-offset'", 1) }
      : { mode: startupMode };
  const boundMode = reader.oneOf('scan.bounded.mode', NATS_OPTION_VALUES['scan.bounded.mode'], 'unbounded');
  const bound: NatsBound = boundMode === 'timestamp'
    ? { mode: 'timestamp', timestampMs: reader.requireInt('scan.bounded.timestamp-millis', "when 'scan.bounded.mode' is 'timestamp'") }
    : { mode: boundMode };
  if (!stream && role !== 'sink') {
    for (const option of ['scan.bounded.mode', 'scan.startup.mode', 'consumer.durable-name'] as const) {
      const value = table.options[option];
      if (value !== undefined && !(option === 'scan.startup.mode' && value === 'latest-offset') && !(option === 'scan.bounded.mode' && value === 'unbounded')) {
        reader.problems.push({ code: 'OPTION_INVALID', message: `option '${option}' needs a JetStream 'stream': core NATS subjects keep no messages to replay`, option });
      }
    }
  }
  const delivery = reader.oneOf('sink.delivery-guarantee', NATS_OPTION_VALUES['sink.delivery-guarantee'], stream ? 'at-least-once' : 'none');
  if (!stream && delivery !== 'none') reader.problems.push({ code: 'OPTION_INVALID', message: `'sink.delivery-guarantee' = '${delivery}' needs a JetStream 'stream': a core NATS publish is at most once`, option: 'sink.delivery-guarantee' });
  const spec: NatsSpec = {
    servers: (table.options.servers ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    subject: table.options.subject ?? '',
    stream,
    durableName: reader.string('consumer.durable-name'),
    user: reader.string('username'),
    pass: reader.string('password'),
    token: reader.string('token'),
    connectTimeoutMs: reader.duration('connect.timeout', 5_000),
    startup,
    bound,
    format: readMessageFormat(reader, table.fields, role),
    parseErrors: readParseErrorPolicy(reader),
    delivery,
    maxInFlight: reader.int('sink.max-in-flight', 1024, 1),
  };
  if (spec.servers.length === 0) reader.invalid('servers', "a comma-separated list such as 'nats://127.0.0.1:4222'");
  return { spec, problems: reader.problems };
}
