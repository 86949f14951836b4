import type { JoinConfig } from '../../plan/logical-plan';
import { ExpressionCompiler } from '../../runtime/expression-compiler';
import { expressionHelpers } from '../../runtime/expression-helpers';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { DELETE, INSERT, isAccumulate, type Row, type RowBatch, type RowKinds } from '../../runtime/row';
import { JoinSideState } from './join-side-state';

type Condition = (row: Row) => boolean;

/**
 * A regular inner join (plan kind `join`), Flink's StreamingJoinOperator: each input's rows are kept
 * by join key; a row arriving on one side is stored (or, when retracted, removed) and joined with
 * the matching rows of the other side. Accumulating rows emit +I, retractions -D; with two
 * insert-only inputs the output is insert-only and carries no kinds. Rows with a NULL join key
 * never match and are not stored.
 */
export class Join implements StreamOperator {
  private readonly sides: [JoinSideState, JoinSideState];
  private readonly keyOf: [KeySelector, KeySelector];
  private readonly condition: Condition | undefined;
  private readonly withKinds: boolean;
  private rows: RowBatch = [];
  private kinds: RowKinds = [];

  constructor(
    private readonly config: JoinConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.sides = [new JoinSideState(context.state.namespace(`join:${operatorId}:left`)), new JoinSideState(context.state.namespace(`join:${operatorId}:right`))];
    this.keyOf = [compileKeySelector(config.leftKeys), compileKeySelector(config.rightKeys)];
    this.condition = config.condition ? compileCondition(config) : undefined;
    this.withKinds = config.leftHasUpdates || config.rightHasUpdates;
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.process(0, batch, kinds);
  }

  processInput(input: number, batch: RowBatch, kinds?: RowKinds): void {
    this.process(input, batch, kinds);
  }

  finish(): void {}

  private process(side: number, batch: RowBatch, kinds: RowKinds | undefined): void {
    this.metrics.recordsIn += batch.length;
    const own = this.sides[side];
    const other = this.sides[1 - side];
    const keys = side === 0 ? this.config.leftKeys : this.config.rightKeys;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      if (hasNullKey(row, keys)) continue;
      const key = this.keyOf[side](row);
      const accumulate = kinds === undefined || isAccumulate(kinds[i]);
      if (accumulate) own.add(key, row);
      else if (!own.remove(key, row)) continue;
      const kind = accumulate ? INSERT : DELETE;
      for (const record of other.records(key)) {
        const joined = side === 0 ? row.concat(record.row) : record.row.concat(row);
        if (this.condition && !this.condition(joined)) continue;
        for (let c = 0; c < record.count; c++) this.push(joined, kind);
      }
    }
    this.flush();
  }

  private push(row: Row, kind: number): void {
    this.rows.push(row);
    if (this.withKinds) this.kinds.push(kind);
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    const kinds = this.withKinds ? this.kinds : undefined;
    this.rows = [];
    this.kinds = [];
    this.metrics.recordsOut += rows.length;
    this.output.emit(rows, kinds);
  }
}

function hasNullKey(row: Row, keys: number[]): boolean {
  for (let k = 0; k < keys.length; k++) if (row[keys[k]] === null) return true;
  return false;
}

// The non-equi part of ON over the joined row; kept only where it is TRUE.
function compileCondition(config: JoinConfig): Condition {
  const compiler = new ExpressionCompiler();
  const body: string[] = [];
  const value = compiler.emit(config.condition as NonNullable<JoinConfig['condition']>, body);
  const source = `return function condition(row) {\n  ${body.join('\n  ')}\n  return ${value} === true;\n};`;
  return (new Function('h', 'c', source) as (h: typeof expressionHelpers, c: unknown[]) => Condition)(expressionHelpers, compiler.constants);
}

export const createJoin: OperatorFactory = (operator, context, output, metrics) => new Join(operator.config as JoinConfig, context, output, metrics, operator.id);
