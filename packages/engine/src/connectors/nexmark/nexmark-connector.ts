import type { Connector, ConnectorProblem, ConnectorTable } from '../connector';
import { NEXMARK_OPTION_KEYS, NexmarkOptionError, parseNexmarkOptions, type NexmarkConfig } from './nexmark-options';
import { checkNexmarkSchema } from './nexmark-schema';
import { splitConfig } from './nexmark-split';
import { eventTypeEquality, pushedEventType, readsExtra } from './nexmark-push-down';
import { NexmarkSourceReader } from './nexmark-source-reader';

/** The generator's config from a table's options (`scan.parallelism` belongs to the runner). */
function configOf(options: Record<string, string>): NexmarkConfig {
  const { 'scan.parallelism': _parallelism, ...generatorOptions } = options;
  return parseNexmarkOptions(generatorOptions);
}

function optionProblems(table: ConnectorTable): ConnectorProblem[] {
  try {
    configOf(table.options);
    return [];
  } catch (error) {
    if (!(error instanceof NexmarkOptionError)) throw error;
    return [{ code: 'OPTION_INVALID', message: error.message, option: error.option }];
  }
}

/**
 * Flink Nexmark's `nexmark` source: the benchmark's event generator (GENERATOR.md), one split
 * per source subtask, bounded when `events.num` > 0. Weir adds `seed` and `base-time` so runs
 * are reproducible.
 */
export const nexmarkConnector: Connector = {
  name: 'nexmark',
  requiredOptions: [],
  optionalOptions: [...NEXMARK_OPTION_KEYS, 'scan.parallelism'],
  validate(table) {
    const problems = optionProblems(table);
    return problems.length > 0 ? problems : checkNexmarkSchema(table.fields);
  },
  createSource(table, subtask) {
    const config = configOf(table.options);
    const split = splitConfig(config, subtask.parallelism)[subtask.subtaskIndex];
    const eventType = pushedEventType(table.filters);
    const extra = readsExtra(eventType, table.projection, table.nestedFields);
    return new NexmarkSourceReader(config, split, { eventType, projection: table.projection ?? null, extra });
  },
  // `event_type = n` (the views person, auction and bid) skips other events without generating them.
  applyFilter: (_table, conjuncts) => conjuncts.filter((c) => eventTypeEquality(c) !== undefined),
  applyProjection: () => true,
};
