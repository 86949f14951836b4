import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { POSTGRES_CDC_OPTION_VALUES, POSTGRES_CDC_OPTIONS, POSTGRES_CDC_REQUIRED, readPostgresCdcSpec } from './postgres-cdc-options';
import { PostgresCdcSourceReader } from './postgres-cdc-source-reader';

/** Flink CDC's `postgres-cdc`: a snapshot, then logical replication (pgoutput) as a changelog, checkpointed by LSN. */
export const postgresCdcConnector: Connector = {
  name: 'postgres-cdc',
  requiredOptions: POSTGRES_CDC_REQUIRED,
  optionalOptions: POSTGRES_CDC_OPTIONS,
  optionValues: POSTGRES_CDC_OPTION_VALUES,
  validate: (table) => readPostgresCdcSpec(table).problems,
  createSource: (table, subtask) => {
    const spec = specOrThrow(table.table, readPostgresCdcSpec(table));
    // One replication slot feeds one reader: the other subtasks of a parallel source read nothing.
    return new PostgresCdcSourceReader(spec, table, subtask.subtaskIndex === 0);
  },
  sourceChangelogMode: () => 'all',
};
