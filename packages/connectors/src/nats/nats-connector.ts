import { EngineError, type Connector, type ConnectorTable } from '@weir/engine';
import { CoreSourceReader } from './core-source-reader';
import { JetStreamSourceReader } from './jetstream-source-reader';
import { NatsSinkWriter } from './nats-sink-writer';
import { NATS_OPTIONS, NATS_REQUIRED, readNatsSpec } from './nats-options';

function specOf(table: ConnectorTable, role: 'source' | 'sink') {
  const { spec, problems } = readNatsSpec(table, role);
  if (problems.length > 0) throw new EngineError(`table '${table.table}': ${problems[0].message}`, { code: problems[0].code, domain: 'user' });
  return spec;
}

/** `nats`: JetStream streams (replayable, checkpointed by stream sequence) or core NATS subjects (at most once). */
export const natsConnector: Connector = {
  name: 'nats',
  requiredOptions: NATS_REQUIRED,
  optionalOptions: NATS_OPTIONS,
  validate: (table, role) => readNatsSpec(table, role).problems,
  createSource: (table) => {
    const spec = specOf(table, 'source');
    return spec.stream ? new JetStreamSourceReader({ ...spec, stream: spec.stream }, table.table) : new CoreSourceReader(spec, table.table);
  },
  createSink: (table, context) => new NatsSinkWriter(specOf(table, 'sink'), context, table.table),
};
