// The shape of a bound FROM item, shared by the query binder and the binders it delegates to.
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr } from './ast';
import { Scope } from './scope';
import type { WindowTableFunction } from './window-binder';

/** A bound relational input: the plan node producing it and its columns. */
export interface BoundRelation {
  nodeId: string;
  fields: PlanField[];
  /** Set when the relation is a window TVF, which only a GROUP BY over its window columns consumes. */
  window?: WindowTableFunction;
}

/** A relation in FROM with the name that qualifies its columns. */
export interface FromItem {
  relation: BoundRelation;
  qualifier: string;
  /** Per column, the name qualifying it, when the item joins several tables. */
  columnQualifiers?: string[];
}

/** The columns of a FROM item as a scope for expressions. */
export function scopeOf(from: FromItem): Scope {
  return new Scope(from.relation.fields.map((f, i) => ({ qualifier: from.columnQualifiers?.[i] ?? from.qualifier, name: f.name, type: f.type })));
}

/** Flink's name for an unaliased select item: the column or field name, else EXPR$n. */
export function implicitName(expr: Expr, index: number): string {
  if (expr.kind === 'identifier') return expr.parts[expr.parts.length - 1].name;
  if (expr.kind === 'fieldAccess') return expr.field.name;
  return `EXPR$${index}`;
}

/** `PROCTIME()`: declares a processing-time attribute. */
export function isProctimeCall(expr: Expr): boolean {
  return expr.kind === 'call' && expr.name.name.toUpperCase() === 'PROCTIME' && expr.args.length === 0;
}

/**
 * A processing-time attribute named `name`: as a value it is the wall-clock time the row passes
 * by (Flink's PROCTIME() materialized), as a field it marks the column as a processing-time attribute.
 */
export function proctimeAttribute(name: string): { expr: PlanExpr; field: PlanField } {
  const type = { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false } as const;
  return { expr: { kind: 'call', op: 'CURRENT_ROW_TIMESTAMP', args: [], type }, field: { name, type, time: 'proctime' } };
}
