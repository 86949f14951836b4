import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { isChangelogFormat, MESSAGE_FORMAT_OPTION_VALUES } from '../formats/message-format';
import { RABBITMQ_OPTION_VALUES, RABBITMQ_OPTIONS, readRabbitMqSpec } from './rabbitmq-options';
import { RabbitMqSinkWriter } from './rabbitmq-sink-writer';
import { RabbitMqSourceReader } from './rabbitmq-source-reader';

/** `rabbitmq`: a queue source acknowledged on checkpoints (deduplicated by message id), and an exchange sink with confirms. */
export const rabbitmqConnector: Connector = {
  name: 'rabbitmq',
  requiredOptions: [],
  optionalOptions: RABBITMQ_OPTIONS,
  optionValues: { ...MESSAGE_FORMAT_OPTION_VALUES, ...RABBITMQ_OPTION_VALUES },
  validate: (table, role) => readRabbitMqSpec(table, role).problems,
  createSource: (table, subtask) => {
    const spec = specOrThrow(table.table, readRabbitMqSpec(table, 'source'));
    // Competing consumers would split the queue arbitrarily; one subtask reads it, in order.
    return new RabbitMqSourceReader({ ...spec, queue: spec.queue as string }, table.table, subtask.subtaskIndex === 0, Boolean(subtask.delivery));
  },
  // Debezium, Canal and Maxwell messages carry updates and deletes.
  sourceChangelogMode: (table) => (isChangelogFormat(table.options) ? 'all' : 'insert-only'),
  createSink: (table, context) => new RabbitMqSinkWriter(specOrThrow(table.table, readRabbitMqSpec(table, 'sink')), context, table.table),
};
