// The window of an OVER aggregation: named windows, and the streaming rules Flink puts on a window.
import type { OverFrame } from '../plan/over-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr, FrameBound, Select, WindowSpec } from './ast';
import { rewriteExpr, visitExpr } from './ast-rewrite';
import { BindAbort, type ExpressionBinder } from './expression-binder';
import type { QueryBinder } from './query-binder';
import type { Span } from './span';

/** An OVER window over the columns of its input. */
export interface BoundOverWindow {
  partitionBy: PlanExpr[];
  timeIndex: number;
  timeAttribute: 'rowtime' | 'proctime';
  frame: OverFrame;
}

/** Replaces `OVER w` in the select list by the window the WINDOW clause names `w` (Calcite: "Window 'w' not found"). */
export function resolveNamedWindows(binder: QueryBinder, select: Select): Select {
  if (!select.items.some((item) => item.kind === 'expr' && hasWindowReference(item.expr))) return select;
  const named = new Map((select.windows ?? []).map((w) => [w.name.name, w.spec]));
  const items = select.items.map((item) => {
    if (item.kind !== 'expr') return item;
    const expr = rewriteExpr(item.expr, (node) => {
      if (node.kind !== 'call' || !node.over?.ref) return undefined;
      const spec = named.get(node.over.ref.name);
      if (!spec) fail(binder, 'WINDOW_NOT_FOUND', `Window '${node.over.ref.name}' not found`, node.over.ref.span);
      return { ...node, over: { ...spec, span: node.over.span } };
    });
    return { ...item, expr };
  });
  return { ...select, items };
}

function hasWindowReference(expr: Expr): boolean {
  let found = false;
  visitExpr(expr, (node) => {
    if (node.kind === 'call' && node.over?.ref) found = true;
    return !found;
  });
  return found;
}

/**
 * Binds an OVER window as Flink runs it in streaming: ordered by one time attribute ascending, a
 * frame from UNBOUNDED or n PRECEDING (rows, or a day-time interval for RANGE) to CURRENT ROW;
 * without a frame, RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.
 */
export function bindOverWindow(binder: QueryBinder, exprBinder: ExpressionBinder, fields: PlanField[], spec: WindowSpec): BoundOverWindow {
  const partitionBy = spec.partitionBy.map((expr) => exprBinder.bind(expr));
  if (spec.orderBy.length !== 1) return fail(binder, 'NOT_SUPPORTED', 'The window can only be ordered by a single time column.', spec.orderBy[1]?.span ?? spec.span);
  const order = spec.orderBy[0];
  const time = exprBinder.bind(order.expr);
  const timeAttribute = time.kind === 'input' ? fields[time.index].time : undefined;
  if (time.kind !== 'input' || !timeAttribute) return fail(binder, 'NOT_SUPPORTED', "OVER windows' ordering in stream mode must be defined on a time attribute.", order.expr.span);
  if (order.descending) return fail(binder, 'NOT_SUPPORTED', 'The window can only be ordered in ASCENDING mode.', order.span);
  return { partitionBy, timeIndex: time.index, timeAttribute, frame: bindFrame(binder, exprBinder, spec) };
}

function bindFrame(binder: QueryBinder, exprBinder: ExpressionBinder, spec: WindowSpec): OverFrame {
  const frame = spec.frame;
  if (!frame) return { unit: 'RANGE', preceding: null };
  const { unit, start } = frame;
  const end: FrameBound = frame.end ?? { kind: 'CURRENT ROW' };
  if (end.kind !== 'CURRENT ROW' || start.kind === 'FOLLOWING' || start.kind === 'UNBOUNDED FOLLOWING') {
    return fail(binder, 'NOT_SUPPORTED', 'OVER RANGE FOLLOWING windows are not supported yet.', end.offset?.span ?? start.offset?.span ?? spec.span);
  }
  if (start.kind === 'UNBOUNDED PRECEDING') return { unit, preceding: null };
  if (start.kind === 'CURRENT ROW' || !start.offset) return { unit, preceding: 0 };
  return { unit, preceding: offsetOf(binder, exprBinder, unit, start.offset) };
}

// ROWS counts rows; RANGE over a time attribute reaches back a day-time interval, in milliseconds.
function offsetOf(binder: QueryBinder, exprBinder: ExpressionBinder, unit: 'ROWS' | 'RANGE', offset: Expr): number {
  const bound = exprBinder.bind(offset);
  const value = bound.kind === 'literal' && typeof bound.value === 'number' && bound.value >= 0 ? bound.value : undefined;
  if (unit === 'ROWS') {
    const integer = bound.type.kind === 'TINYINT' || bound.type.kind === 'SMALLINT' || bound.type.kind === 'INT' || bound.type.kind === 'BIGINT';
    if (value === undefined || !integer) return fail(binder, 'INVALID_CALL', 'a ROWS frame offset must be a non-negative integer literal, e.g. ROWS BETWEEN 5 PRECEDING AND CURRENT ROW', offset.span);
    return value;
  }
  if (value === undefined || bound.type.kind !== 'INTERVAL_DAY_TIME') {
    return fail(binder, 'INVALID_CALL', "a RANGE frame offset over a time attribute must be a day-time interval literal, e.g. RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW", offset.span);
  }
  return value;
}

function fail(binder: QueryBinder, code: string, message: string, span: Span): never {
  binder.diagnostics.error(code, message, span);
  throw new BindAbort();
}
