import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { isChangelogFormat, MESSAGE_FORMAT_OPTION_VALUES } from '../formats/message-format';
import { CoreSourceReader } from './core-source-reader';
import { JetStreamSourceReader } from './jetstream-source-reader';
import { NatsSinkWriter } from './nats-sink-writer';
import { NATS_OPTION_VALUES, NATS_OPTIONS, NATS_REQUIRED, readNatsSpec } from './nats-options';

/** `nats`: JetStream streams (replayable, checkpointed by stream sequence) or core NATS subjects (at most once). */
export const natsConnector: Connector = {
  name: 'nats',
  requiredOptions: NATS_REQUIRED,
  optionalOptions: NATS_OPTIONS,
  optionValues: { ...MESSAGE_FORMAT_OPTION_VALUES, ...NATS_OPTION_VALUES },
  validate: (table, role) => readNatsSpec(table, role).problems,
  createSource: (table) => {
    const spec = specOrThrow(table.table, readNatsSpec(table, 'source'));
    return spec.stream ? new JetStreamSourceReader({ ...spec, stream: spec.stream }, table.table) : new CoreSourceReader(spec, table.table);
  },
  // Debezium, Canal and Maxwell messages carry updates and deletes.
  sourceChangelogMode: (table) => (isChangelogFormat(table.options) ? 'all' : 'insert-only'),
  createSink: (table, context) => new NatsSinkWriter(specOrThrow(table.table, readNatsSpec(table, 'sink')), context, table.table),
};
