import type { JoinConfig } from '../../plan/logical-plan';
import type { PlanExpr } from '../../plan/plan-expr';
import { ExpressionCompiler } from '../../runtime/expression-compiler';
import { expressionHelpers } from '../../runtime/expression-helpers';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { DELETE, INSERT, isAccumulate, type Row, type RowBatch, type RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { JoinSideState, type JoinRecord } from './join-side-state';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { StateTtl, stateTtlMs } from '../../runtime/state-ttl';

export type Condition = (row: Row) => boolean;

/**
 * A regular join (plan kind `join`), Flink's StreamingJoinOperator: each input's rows are kept by
 * join key; a row arriving on one side is stored (or, when retracted, removed) and joined with the
 * matching rows of the other side, emitting +I for accumulations and -D for retractions. Outer
 * sides also emit their rows padded with NULLs while nothing matches, retracting the padded row
 * when the first match arrives and re-emitting it when the last match leaves. An inner join of two
 * insert-only inputs is insert-only and carries no kinds. NULL join keys never match.
 */
export class Join implements StreamOperator {
  private readonly sides: [JoinSideState, JoinSideState];
  private readonly keyOf: [KeySelector, KeySelector];
  private readonly outer: [boolean, boolean];
  private readonly condition: Condition | undefined;
  private readonly out: ChangelogCollector;
  private readonly widths: [number, number];
  private readonly expires: boolean;

  constructor(
    private readonly config: JoinConfig,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.sides = [joinSide(context, `join:${operatorId}:left`, config.leftHasUpdates), joinSide(context, `join:${operatorId}:right`, config.rightHasUpdates)];
    this.keyOf = [compileKeySelector(config.leftKeys), compileKeySelector(config.rightKeys)];
    this.outer = [config.joinType === 'LEFT' || config.joinType === 'FULL', config.joinType === 'RIGHT' || config.joinType === 'FULL'];
    this.condition = config.condition ? compileCondition(config.condition) : undefined;
    this.out = new ChangelogCollector(config.joinType !== 'INNER' || config.leftHasUpdates || config.rightHasUpdates);
    this.widths = [config.leftWidth, config.fields.length - config.leftWidth];
    this.expires = stateTtlMs(context.config) !== undefined;
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
    const keys = side === 0 ? this.config.leftKeys : this.config.rightKeys;
    if (this.expires) {
      const now = this.context.now();
      this.sides[0].expireIdle(now);
      this.sides[1].expireIdle(now);
    }
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const accumulate = kinds === undefined || isAccumulate(kinds[i]);
      if (hasNullKey(row, keys)) {
        // It can never match: an outer side still shows it padded, an inner side drops it.
        if (this.outer[side]) this.out.push(this.padded(side, row), accumulate ? INSERT : DELETE);
        continue;
      }
      const key = this.keyOf[side](row);
      if (accumulate) this.accumulate(side, key, row);
      else this.retract(side, key, row);
    }
    this.out.flush(this.output, this.metrics);
  }

  private accumulate(side: number, key: StateKey, row: Row): void {
    const record = this.sides[side].add(key, row);
    const matches = this.matches(side, key, row);
    let associations = 0;
    for (const [other, joined] of matches) {
      if (this.outer[1 - side]) {
        if (other.associations === 0) this.out.pushTimes(this.padded(1 - side, other.row), DELETE, other.count);
        other.associations++;
      }
      this.out.pushTimes(joined, INSERT, other.count);
      associations += other.count;
    }
    record.associations = associations;
    if (this.outer[side] && matches.length === 0) this.out.push(this.padded(side, row), INSERT);
  }

  private retract(side: number, key: StateKey, row: Row): void {
    if (!this.sides[side].remove(key, row)) return;
    const matches = this.matches(side, key, row);
    if (this.outer[side] && matches.length === 0) this.out.push(this.padded(side, row), DELETE);
    for (const [other, joined] of matches) {
      this.out.pushTimes(joined, DELETE, other.count);
      if (this.outer[1 - side] && --other.associations === 0) this.out.pushTimes(this.padded(1 - side, other.row), INSERT, other.count);
    }
  }

  /** The other side's records under `key` that satisfy the condition with `row`, and the joined rows. */
  private matches(side: number, key: StateKey, row: Row): [JoinRecord, Row][] {
    const found: [JoinRecord, Row][] = [];
    for (const record of this.sides[1 - side].records(key)) {
      const joined = side === 0 ? row.concat(record.row) : record.row.concat(row);
      if (!this.condition || this.condition(joined)) found.push([record, joined]);
    }
    return found;
  }

  private padded(side: number, row: Row): Row {
    const nulls: Row = new Array(this.widths[1 - side]).fill(null);
    return side === 0 ? row.concat(nulls) : nulls.concat(row);
  }
}

function hasNullKey(row: Row, keys: number[]): boolean {
  for (let k = 0; k < keys.length; k++) if (row[keys[k]] === null) return true;
  return false;
}

/** One join input's keyed state in namespace `name`, expiring per `table.exec.state.ttl` when the session sets it. */
export function joinSide(context: OperatorContext, name: string, retractable: boolean): JoinSideState {
  return new JoinSideState(context.state.namespace(name), retractable, StateTtl.of(context.state, name, context.config));
}

/** The non-equi part of ON over the joined row; a row is kept only where it is TRUE. */
export function compileCondition(condition: PlanExpr): Condition {
  const compiler = new ExpressionCompiler();
  const body: string[] = [];
  const value = compiler.emit(condition, body);
  const source = `return function condition(row) {\n  ${body.join('\n  ')}\n  return ${value} === true;\n};`;
  return (new Function('h', 'c', source) as (h: typeof expressionHelpers, c: unknown[]) => Condition)(expressionHelpers, compiler.constants);
}

export const createJoin: OperatorFactory = (operator, context, output, metrics) => new Join(operator.config as JoinConfig, context, output, metrics, operator.id);
