import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { MESSAGE_FORMAT_OPTION_VALUES } from '../formats/message-format';
import { KAFKA_OPTION_VALUES, KAFKA_OPTIONS, readKafkaSpec } from './kafka-options';
import { KafkaSinkWriter } from './kafka-sink-writer';
import { KafkaSourceReader } from './kafka-source-reader';

// The key and the value each name a message format.
const KAFKA_VALUES = { ...MESSAGE_FORMAT_OPTION_VALUES, 'key.format': MESSAGE_FORMAT_OPTION_VALUES.format, 'value.format': MESSAGE_FORMAT_OPTION_VALUES.format, ...KAFKA_OPTION_VALUES };

/** Flink's `kafka` connector on kafkajs: topic or pattern sources checkpointed by offsets, sinks at least or exactly once. */
export const kafkaConnector: Connector = {
  name: 'kafka',
  requiredOptions: ['properties.bootstrap.servers'],
  optionalOptions: KAFKA_OPTIONS,
  optionValues: KAFKA_VALUES,
  validate: (table, role) => readKafkaSpec(table, role, false).problems,
  // A whole changelog when the value format carries one (debezium-json and the like).
  sourceChangelogMode: (table) => (readKafkaSpec(table, 'source', false).spec.valueFormat.changelog ? 'all' : 'insert-only'),
  createSource: (table, subtask) => {
    const spec = specOrThrow(table.table, readKafkaSpec(table, 'source', false));
    return new KafkaSourceReader(spec, table, subtask.subtaskIndex === 0, spec.groupId ?? `weir-${table.table}`);
  },
  createSink: (table, context) => new KafkaSinkWriter(specOrThrow(table.table, readKafkaSpec(table, 'sink', false)), context, table.options['sink.transactional-id-prefix']),
};

/** Flink's `upsert-kafka` sink: records keyed by the PRIMARY KEY, a delete as a tombstone. */
export const upsertKafkaConnector: Connector = {
  name: 'upsert-kafka',
  requiredOptions: ['properties.bootstrap.servers', 'topic', 'key.format'],
  optionalOptions: KAFKA_OPTIONS,
  optionValues: KAFKA_VALUES,
  validate: (table, role) => readKafkaSpec(table, role, true).problems,
  createSink: (table, context) => new KafkaSinkWriter(specOrThrow(table.table, readKafkaSpec(table, 'sink', true)), context, table.options['sink.transactional-id-prefix']),
  sinkChangelogMode: 'upsert',
};
