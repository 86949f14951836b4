import type { LogicalNodeKind } from '../plan/logical-plan';
import type { OperatorFactory } from '../runtime/operator';
import { createGlobalGroupAggregate } from './aggregate/global-group-aggregate';
import { createGroupAggregate } from './aggregate/group-aggregate';
import { createLocalGroupAggregate } from './aggregate/local-group-aggregate';
import { createCalcOperator } from './calc/calc-operator';
import { createExpand } from './expand/expand';
import { createIntervalJoin } from './join/interval-join';
import { createJoin } from './join/join';
import { createLookupJoin } from './join/lookup-join';
import { createOverAggregate } from './over/over-aggregate';
import { createAntiJoin, createSemiJoin } from './join/semi-anti-join';
import { createTemporalJoin } from './join/temporal-join';
import { createWindowJoin } from './join/window-join';
import { createDeduplicate } from './rank/deduplicate';
import { createRank } from './rank/rank';
import { createWindowDeduplicate } from './rank/window-deduplicate';
import { createWindowRank } from './rank/window-rank';
import { createTableSinkOperator } from './sink/table-sink-operator';
import { createUnion } from './union/union';
import { createWindowAggregate } from './window/window-aggregate';
import { createWindowTableFunction } from './window/window-table-function';

/** Plan kinds the runner polls as sources instead of pushing batches to. */
export type SourceKind = 'table_source' | 'values';

/**
 * Factories of the operators that receive input, by plan kind. Sources are driven by the runner
 * directly (they are polled, not pushed to), so `table_source` and `values` have no entry.
 */
export const OPERATOR_FACTORIES: Readonly<Record<Exclude<LogicalNodeKind, SourceKind>, OperatorFactory>> = {
  calc: createCalcOperator,
  union: createUnion,
  expand: createExpand,
  group_aggregate: createGroupAggregate,
  local_group_aggregate: createLocalGroupAggregate,
  global_group_aggregate: createGlobalGroupAggregate,
  window_aggregate: createWindowAggregate,
  window_table_function: createWindowTableFunction,
  join: createJoin,
  interval_join: createIntervalJoin,
  rank: createRank,
  deduplicate: createDeduplicate,
  over_aggregate: createOverAggregate,
  lookup_join: createLookupJoin,
  temporal_join: createTemporalJoin,
  semi_join: createSemiJoin,
  anti_join: createAntiJoin,
  window_join: createWindowJoin,
  window_rank: createWindowRank,
  window_deduplicate: createWindowDeduplicate,
  table_sink: createTableSinkOperator,
};
