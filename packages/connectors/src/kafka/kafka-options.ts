import type { ConnectorTable, PlanField, TableRole } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { readMessageFormat, type MessageFormat } from '../formats/message-format';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const KAFKA_OPTION_VALUES = {
  'scan.startup.mode': ['earliest-offset', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'],
  'scan.bounded.mode': ['unbounded', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'],
  'value.fields-include': ['ALL', 'EXCEPT_KEY'],
  'properties.security.protocol': ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'],
  'properties.sasl.mechanism': ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'],
  'sink.partitioner': ['default', 'fixed', 'round-robin'],
  'sink.delivery-guarantee': ['none', 'at-least-once', 'exactly-once'],
} as const;

/** Offsets by partition, from `scan.*.specific-offsets` ('partition:0,offset:42;partition:1,offset:300'). */
export type PartitionOffsets = Map<number, string>;

/** Where a Kafka source starts (Flink's `scan.startup.mode`) or ends (`scan.bounded.mode`). */
export type KafkaOffsetSpec =
  | { mode: 'earliest-offset' | 'latest-offset' | 'group-offsets' | 'unbounded' }
  | { mode: 'timestamp'; timestampMs: number }
  | { mode: 'specific-offsets'; offsets: PartitionOffsets };

/** Everything the kafka and upsert-kafka connectors read from a table's options. */
export interface KafkaSpec {
  upsert: boolean;
  brokers: string[];
  topics: string[];
  topicPattern: RegExp | undefined;
  groupId: string | undefined;
  clientId: string;
  startup: KafkaOffsetSpec;
  bounded: KafkaOffsetSpec;
  /** Indexes of the key columns (`key.fields`, or the PRIMARY KEY for upsert-kafka). */
  keyColumns: number[];
  keyFormat: MessageFormat | undefined;
  /** Indexes of the columns the value carries (all, or all but the key with `value.fields-include` = EXCEPT_KEY). */
  valueColumns: number[];
  valueFormat: MessageFormat;
  partitioner: 'default' | 'fixed' | 'round-robin';
  delivery: 'none' | 'at-least-once' | 'exactly-once';
  connectTimeoutMs: number;
  retries: number;
  ssl: boolean;
  sasl: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string } | undefined;
}

export const KAFKA_OPTIONS = [
  'topic', 'topic-pattern', 'properties.bootstrap.servers', 'properties.group.id', 'properties.client.id',
  'properties.security.protocol', 'properties.sasl.mechanism', 'properties.sasl.username', 'properties.sasl.password', 'properties.request.timeout.ms', 'properties.retries',
  'scan.startup.mode', 'scan.startup.specific-offsets', 'scan.startup.timestamp-millis',
  'scan.bounded.mode', 'scan.bounded.specific-offsets', 'scan.bounded.timestamp-millis', 'scan.topic-partition-discovery.interval',
  'format', 'key.format', 'value.format', 'key.fields', 'key.fields-prefix', 'value.fields-include',
  'sink.partitioner', 'sink.delivery-guarantee', 'sink.transactional-id-prefix', 'sink.parallelism',
  'json.ignore-parse-errors', 'json.fail-on-missing-field', 'json.timestamp-format.standard', 'scan.parse-error.policy',
  'key.json.ignore-parse-errors', 'value.json.ignore-parse-errors', 'key.json.fail-on-missing-field', 'value.json.fail-on-missing-field',
] as const;

/** Parses 'partition:0,offset:42;partition:1,offset:300'; undefined when malformed. */
export function parseSpecificOffsets(text: string): PartitionOffsets | undefined {
  const offsets: PartitionOffsets = new Map();
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^partition:(\d+),offset:(\d+)$/.exec(part.replace(/\s+/g, ''));
    if (!m) return undefined;
    offsets.set(Number(m[1]), m[2]);
  }
  return offsets.size > 0 ? offsets : undefined;
}

/** Reads the options under `prefix.` as the plain format options (Flink's `key.json.*`, `value.json.*`). */
function formatOptions(options: Record<string, string>, prefix: string, format: string): Record<string, string> {
  const out: Record<string, string> = { format };
  for (const [k, v] of Object.entries(options)) {
    if (k.startsWith(`${prefix}.${format}.`)) out[k.slice(prefix.length + 1)] = v;
    else if (k.startsWith(`${format}.`) && out[k] === undefined) out[k] = v;
  }
  return out;
}

/** Parses and checks a kafka (or upsert-kafka) table's options for `role`; each problem names its option. */
export function readKafkaSpec(table: ConnectorTable, role: TableRole, upsert: boolean) {
  const reader = new OptionReader(table.options);
  const o = table.options;
  const brokers = (o['properties.bootstrap.servers'] ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) reader.require('properties.bootstrap.servers', `for connector '${upsert ? 'upsert-kafka' : 'kafka'}'`);
  const topics = (o.topic ?? '').split(';').map((t) => t.trim()).filter(Boolean);
  let topicPattern: RegExp | undefined;
  if (o['topic-pattern'] !== undefined) {
    if (topics.length > 0) reader.problems.push({ code: 'OPTION_INVALID', message: "set 'topic' or 'topic-pattern', not both", option: 'topic-pattern' });
    try {
      topicPattern = new RegExp(`^(?:${o['topic-pattern']})$`);
    } catch {
      reader.invalid('topic-pattern', 'a regular expression');
    }
    if (role === 'sink') reader.problems.push({ code: 'OPTION_INVALID', message: "a sink writes one 'topic'; 'topic-pattern' is for sources", option: 'topic-pattern' });
  } else if (topics.length === 0) reader.require('topic', 'or \'topic-pattern\'');
  if (role === 'sink' && topics.length > 1) reader.invalid('topic', 'a single topic for a sink');

  const offsets = (mode: 'startup' | 'bounded'): KafkaOffsetSpec => {
    const modes = mode === 'startup' ? KAFKA_OPTION_VALUES['scan.startup.mode'] : KAFKA_OPTION_VALUES['scan.bounded.mode'];
    const chosen = reader.oneOf(`scan.${mode}.mode`, modes, mode === 'startup' ? 'group-offsets' : 'unbounded');
    if (chosen === 'timestamp') return { mode: 'timestamp', timestampMs: reader.requireInt(`scan.${mode}.timestamp-millis`, `when 'scan.${mode}.mode' is 'timestamp'`) };
    if (chosen === 'specific-offsets') {
      const text = reader.require(`scan.${mode}.specific-offsets`, `when 'scan.${mode}.mode' is 'specific-offsets'`);
      const parsed = text ? parseSpecificOffsets(text) : undefined;
      if (text && !parsed) reader.invalid(`scan.${mode}.specific-offsets`, "'partition:0,offset:42;partition:1,offset:300'");
      return { mode: 'specific-offsets', offsets: parsed ?? new Map() };
    }
    return { mode: chosen };
  };
  const startup = offsets('startup');
  const bounded = offsets('bounded');
  if (startup.mode === 'group-offsets' && o['properties.group.id'] === undefined && role === 'source' && o['scan.startup.mode'] !== undefined) {
    reader.require('properties.group.id', "when 'scan.startup.mode' is 'group-offsets'");
  }

  const names = table.fields.map((f) => f.name);
  let keyColumns: number[] = [];
  if (upsert) {
    keyColumns = (table.primaryKey ?? []).map((k) => names.indexOf(k));
    if (keyColumns.length === 0 && role === 'sink') reader.problems.push({ code: 'OPTION_INVALID', message: "upsert-kafka needs a PRIMARY KEY (…) NOT ENFORCED: the key of each message", option: 'connector' });
  } else if (o['key.fields'] !== undefined) {
    for (const name of o['key.fields'].split(';').map((k) => k.trim())) {
      const i = names.indexOf(name);
      if (i < 0) reader.problems.push({ code: 'OPTION_INVALID', message: `'key.fields' names '${name}', which the table does not have`, option: 'key.fields' });
      else keyColumns.push(i);
    }
  }
  const keyFormatName = o['key.format'];
  if (keyColumns.length > 0 && keyFormatName === undefined) reader.require('key.format', upsert ? 'for upsert-kafka' : "when 'key.fields' is set");
  if (o['key.fields-prefix'] !== undefined) reader.problems.push({ code: 'OPTION_UNSUPPORTED', message: "'key.fields-prefix' is not implemented: name key columns as the key's fields", option: 'key.fields-prefix' });
  const include = reader.oneOf('value.fields-include', KAFKA_OPTION_VALUES['value.fields-include'], 'ALL');
  const valueColumns = table.fields.map((_, i) => i).filter((i) => include === 'ALL' || !keyColumns.includes(i));
  const pick = (columns: number[]): PlanField[] => columns.map((i) => table.fields[i]);
  const sub = (prefix: string, format: string) => {
    const inner = new OptionReader(formatOptions(o, prefix, format));
    return { inner, fields: pick(prefix === 'key' ? keyColumns : valueColumns) };
  };
  let keyFormat: MessageFormat | undefined;
  if (keyFormatName !== undefined) {
    const { inner, fields } = sub('key', keyFormatName);
    keyFormat = readMessageFormat(inner, fields, role);
    for (const p of inner.problems) reader.problems.push({ ...p, option: p.option === 'format' ? 'key.format' : p.option });
  }
  const valueFormatName = o['value.format'] ?? o.format ?? 'json';
  const { inner: valueReader, fields: valueFields } = sub('value', valueFormatName);
  const valueFormat = readMessageFormat(valueReader, valueFields, role);
  for (const p of valueReader.problems) reader.problems.push({ ...p, option: p.option === 'format' ? (o['value.format'] !== undefined ? 'value.format' : 'format') : p.option });

  const protocol = reader.oneOf('properties.security.protocol', KAFKA_OPTION_VALUES['properties.security.protocol'], 'PLAINTEXT');
  const mechanism = reader.oneOf('properties.sasl.mechanism', KAFKA_OPTION_VALUES['properties.sasl.mechanism'], 'PLAIN');
  const sasl = protocol.startsWith('SASL')
    ? { mechanism: mechanism.toLowerCase() as 'plain' | 'scram-sha-256' | 'scram-sha-512', username: reader.require('properties.sasl.username', 'for SASL'), password: reader.require('properties.sasl.password', 'for SASL') }
    : undefined;
  const spec: KafkaSpec = {
    upsert,
    brokers,
    topics,
    topicPattern,
    groupId: o['properties.group.id'],
    clientId: reader.string('properties.client.id', 'weir'),
    startup,
    bounded,
    keyColumns,
    keyFormat,
    valueColumns,
    valueFormat,
    partitioner: reader.oneOf('sink.partitioner', KAFKA_OPTION_VALUES['sink.partitioner'], 'default'),
    delivery: reader.oneOf('sink.delivery-guarantee', KAFKA_OPTION_VALUES['sink.delivery-guarantee'], 'at-least-once'),
    connectTimeoutMs: reader.int('properties.request.timeout.ms', 10_000, 1),
    retries: reader.int('properties.retries', 5, 0),
    ssl: protocol.endsWith('SSL'),
    sasl,
  };
  return { spec, problems: reader.problems };
}
