import type { GlobalGroupAggregateConfig } from '../../plan/logical-plan';
import type { OperatorFactory } from '../../runtime/operator';
import type { Row } from '../../runtime/row';
import type { Accumulator } from './aggs-handler';
import { GroupAggregate } from './group-aggregate';
import type { MiniBatchBuffer } from './mini-batch-buffer';

/**
 * The global phase of a two-phase aggregate (plan kind `global_group_aggregate`): input rows are
 * [keys, partial accumulator] from LocalGroupAggregate; they are merged into the key's accumulator
 * and the result changes are emitted exactly as GroupAggregate emits them. The local phase already
 * folded the mini-batch, so partials are merged as they arrive (per key at most one per upstream
 * subtask and mini-batch), and a new key adopts its partial as its accumulator.
 */
export class GlobalGroupAggregate extends GroupAggregate {
  protected override fold(acc: Accumulator, row: Row): void {
    this.handler.merge(acc, row[row.length - 1] as Accumulator);
  }

  protected override firstAccumulator(row: Row): Accumulator {
    return row[row.length - 1] as Accumulator;
  }

  protected override miniBatchBuffer(): MiniBatchBuffer | undefined {
    return undefined;
  }
}

export const createGlobalGroupAggregate: OperatorFactory = (operator, context, output, metrics) =>
  new GlobalGroupAggregate(operator.config as GlobalGroupAggregateConfig, context, output, metrics, operator.id);
