import type { LogicalNodeKind } from '../plan/logical-plan';
import type { OperatorFactory } from '../runtime/operator';
import { createCalcOperator } from './calc/calc-operator';
import { createTableSinkOperator } from './sink/table-sink-operator';

/**
 * Factories of the operators that receive input, by plan kind. Sources are driven by the runner
 * directly (they are polled, not pushed to), so `table_source` has no entry.
 */
export const OPERATOR_FACTORIES: Readonly<Record<Exclude<LogicalNodeKind, 'table_source'>, OperatorFactory>> = {
  calc: createCalcOperator,
  table_sink: createTableSinkOperator,
};
