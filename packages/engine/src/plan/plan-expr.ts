import type { DataType } from '../sql/data-type';

/**
 * A bound, typed expression as stored in a plan (JSON-serializable). Operators are named by `op`:
 * arithmetic and comparison ('plus', 'eq', ...), logic ('and', 'or', 'not'), predicates
 * ('is_null', 'like', 'in', ...), 'case' (args: when1, then1, ..., else), 'cast'/'try_cast', and
 * built-in functions by their upper-case name. Implicit widening is explicit here as 'cast'.
 */
export type PlanExpr =
  | { kind: 'input'; index: number; type: DataType }
  | { kind: 'literal'; value: number | string | boolean | null; type: DataType }
  | { kind: 'field'; target: PlanExpr; index: number; type: DataType }
  | { kind: 'call'; op: string; args: PlanExpr[]; type: DataType };

/** A named, typed column of a plan node's output. */
export interface PlanField {
  name: string;
  type: DataType;
  /** Set on time attributes: an event-time (`WATERMARK FOR`) or processing-time (`PROCTIME()`) column. */
  time?: 'rowtime' | 'proctime';
}

/** Replaces every input reference by the expression it stands for (used to merge calcs). */
export function substituteInputs(expr: PlanExpr, inputs: PlanExpr[]): PlanExpr {
  switch (expr.kind) {
    case 'input':
      return inputs[expr.index];
    case 'literal':
      return expr;
    case 'field':
      return { ...expr, target: substituteInputs(expr.target, inputs) };
    case 'call':
      return { ...expr, args: expr.args.map((arg) => substituteInputs(arg, inputs)) };
  }
}

/** Renders an expression for EXPLAIN, in Flink's style (`$0`, `=($1, 10)`). */
export function formatPlanExpr(expr: PlanExpr, fields: PlanField[]): string {
  switch (expr.kind) {
    case 'input':
      return fields[expr.index]?.name ?? `$${expr.index}`;
    case 'literal':
      return expr.value === null ? 'null' : typeof expr.value === 'string' ? `'${expr.value}'` : String(expr.value);
    case 'field':
      return `${formatPlanExpr(expr.target, fields)}.${expr.index}`;
    case 'call':
      return `${expr.op}(${expr.args.map((arg) => formatPlanExpr(arg, fields)).join(', ')})`;
  }
}

/** Calls `visit` with the index of every input column an expression reads. */
export function forEachInput(expr: PlanExpr, visit: (index: number) => void): void {
  switch (expr.kind) {
    case 'input':
      visit(expr.index);
      return;
    case 'literal':
      return;
    case 'field':
      forEachInput(expr.target, visit);
      return;
    case 'call':
      for (const arg of expr.args) forEachInput(arg, visit);
  }
}

/** Renumbers the input references of an expression through `mapping` (old index → new index). */
export function remapInputs(expr: PlanExpr, mapping: ReadonlyMap<number, number>): PlanExpr {
  switch (expr.kind) {
    case 'input':
      return { ...expr, index: mapping.get(expr.index) as number };
    case 'literal':
      return expr;
    case 'field':
      return { ...expr, target: remapInputs(expr.target, mapping) };
    case 'call':
      return { ...expr, args: expr.args.map((arg) => remapInputs(arg, mapping)) };
  }
}

/** Splits a condition into its top-level AND operands. */
export function conjuncts(expr: PlanExpr): PlanExpr[] {
  return expr.kind === 'call' && expr.op === 'and' ? [...conjuncts(expr.args[0]), ...conjuncts(expr.args[1])] : [expr];
}

/** ANDs conditions back together; null for none. */
export function andAll(exprs: PlanExpr[]): PlanExpr | null {
  if (exprs.length === 0) return null;
  return exprs.reduce((left, right) => ({ kind: 'call', op: 'and', args: [left, right], type: { kind: 'BOOLEAN', nullable: left.type.nullable || right.type.nullable } }));
}
