import type { Connector } from '../connector';
import { DATAGEN_FIELD_OPTION_PATTERN, readDatagenSpec } from './datagen-options';
import { DatagenSourceReader } from './datagen-source-reader';

/** Flink's `datagen` connector: random or sequence values, rate-limited, optionally bounded. */
export const datagenConnector: Connector = {
  name: 'datagen',
  requiredOptions: [],
  optionalOptions: ['rows-per-second', 'number-of-rows', 'scan.parallelism'],
  optionPatterns: [DATAGEN_FIELD_OPTION_PATTERN],
  validate: (table) => readDatagenSpec(table).problems,
  createSource: (table, subtask) => new DatagenSourceReader(table, readDatagenSpec(table).spec, subtask),
};
