import type { LogicalNode, WindowSpec } from '../plan/logical-plan';
import { sameWindow, windowColumn, type WindowColumn } from '../plan/window-columns';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr, TableRef } from './ast';
import { formatType, type DataType } from './data-type';
import { BindAbort, type ExpressionBinder } from './expression-binder';
import type { BoundRelation } from './bound-relation';
import type { QueryBinder } from './query-binder';
import type { Span } from './span';

/** A window table function call in FROM, planned together with the GROUP BY that consumes it. */
export interface WindowTableFunction {
  input: BoundRelation;
  spec: WindowSpec;
  timeIndex: number;
  timeAttribute: 'rowtime' | 'proctime';
  /** SESSION's `PARTITION BY` columns: sessions are formed per value of them. */
  partitionBy?: Expr[];
}

/** The window of an aggregation, from a window TVF or a legacy `GROUP BY TUMBLE(...)`. */
export interface GroupWindow {
  spec: WindowSpec;
  timeIndex: number;
  timeAttribute: 'rowtime' | 'proctime';
  /** A GROUP BY item naming the window (TUMBLE(...), window_start, window_end, window_time), not a key. */
  isWindowGroupItem(expr: Expr, bound: PlanExpr | undefined): boolean;
  /** The window property a select-list expression stands for, if any. */
  property(expr: Expr, bound: PlanExpr | undefined): 'start' | 'end' | 'time' | undefined;
  /** Input columns of window_start and window_end when the input already carries its windows. */
  attached?: { startIndex: number; endIndex: number };
}

const TIMESTAMP3: DataType = { kind: 'TIMESTAMP', precision: 3, nullable: false };

/** Binds `TABLE(TUMBLE|HOP|CUMULATE|SESSION(TABLE t, DESCRIPTOR(ts), ...))` to the table plus window columns. */
export function bindWindowTableFunction(binder: QueryBinder, ref: Extract<TableRef, { kind: 'tableFunction' }>): BoundRelation {
  const call = ref.call;
  if (call.kind !== 'call') return binder.unsupported('only window table functions (TUMBLE, HOP, CUMULATE, SESSION) are supported in FROM TABLE(...)', ref.span);
  const name = call.name.name.toUpperCase();
  if (!['TUMBLE', 'HOP', 'CUMULATE', 'SESSION'].includes(name)) return binder.unsupported(`table function ${call.name.name} is not supported yet`, call.name.span);
  const [table, descriptor, ...intervals] = call.args;
  if (table?.kind !== 'tableArg') return fail(binder, `the first argument of ${name} must be TABLE <name>`, table?.span ?? call.span);
  if (table.partitionBy && name !== 'SESSION') return fail(binder, `PARTITION BY is only supported for SESSION windows, not ${name}`, table.span);
  const from = binder.tableRef({ kind: 'table', name: table.name, span: table.span });
  const column = descriptor?.kind === 'call' && descriptor.name.name.toUpperCase() === 'DESCRIPTOR' ? descriptor.args[0] : undefined;
  if (column?.kind !== 'identifier') return fail(binder, `the second argument of ${name} must be DESCRIPTOR(<time attribute column>)`, descriptor?.span ?? call.span);
  const columnName = column.parts[column.parts.length - 1].name;
  const timeIndex = from.relation.fields.findIndex((f) => f.name === columnName);
  if (timeIndex < 0) return fail(binder, `column '${columnName}' not found in table '${from.qualifier}'`, column.span, 'COLUMN_NOT_FOUND');
  const timeField = from.relation.fields[timeIndex];
  if (!timeField.time) return fail(binder, `The window function requires the timecol is a time attribute type, but is ${formatType(timeField.type)}.`, column.span, 'TYPE_MISMATCH');
  const exprBinder = binder.expressionBinder(from);
  const ms = intervals.map((arg) => intervalMs(binder, exprBinder, arg));
  const expected = name === 'TUMBLE' || name === 'SESSION' ? [1, 2] : [2, 3];
  if (ms.length < expected[0] || ms.length > expected[1]) return fail(binder, `${name} expects ${expected[0]} or ${expected[1]} interval arguments`, call.span, 'INVALID_CALL');
  const spec = windowSpec(name, ms);
  const windowTime: PlanField = timeField.time === 'rowtime'
    ? { name: 'window_time', type: { ...TIMESTAMP3, kind: timeField.type.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP' } as DataType, time: 'rowtime' }
    : { name: 'window_time', type: { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false }, time: 'proctime' };
  const fields: PlanField[] = [...from.relation.fields, { name: 'window_start', type: TIMESTAMP3 }, { name: 'window_end', type: TIMESTAMP3 }, windowTime];
  return { nodeId: from.relation.nodeId, fields, window: { input: from.relation, spec, timeIndex, timeAttribute: timeField.time, partitionBy: table.partitionBy } };
}

/** A window TVF read as a table (not under GROUP BY): rows get their windows' columns appended. */
export function materializeWindows(binder: QueryBinder, tvf: WindowTableFunction, span: Span): BoundRelation {
  if (tvf.spec.kind === 'session') return binder.unsupported('SESSION windows are only supported in window aggregations (GROUP BY window_start, window_end)', span);
  const timeType = tvf.input.fields[tvf.timeIndex].type;
  const fields: PlanField[] = [
    ...tvf.input.fields,
    { name: 'window_start', type: TIMESTAMP3 },
    { name: 'window_end', type: TIMESTAMP3 },
    tvf.timeAttribute === 'rowtime'
      ? { name: 'window_time', type: { kind: timeType.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', precision: 3, nullable: false }, time: 'rowtime' }
      : { name: 'window_time', type: { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false }, time: 'proctime' },
  ];
  // The input's time column is a plain timestamp after windowing; window_time carries the attribute.
  fields[tvf.timeIndex] = { name: fields[tvf.timeIndex].name, type: timeType };
  const nodeId = binder.builder.add('window_table_function', { window: tvf.spec, timeIndex: tvf.timeIndex, timeAttribute: tvf.timeAttribute, fields }, [tvf.input.nodeId]);
  return { nodeId, fields };
}

/** The window of a GROUP BY over a window TVF: grouped by window_start and window_end. */
export function tvfGroupWindow(tvf: WindowTableFunction): GroupWindow {
  const base = tvf.input.fields.length;
  const indexOf = (bound: PlanExpr | undefined): number => (bound?.kind === 'input' ? bound.index - base : -1);
  return {
    spec: tvf.spec,
    timeIndex: tvf.timeIndex,
    timeAttribute: tvf.timeAttribute,
    isWindowGroupItem: (_expr, bound) => indexOf(bound) >= 0,
    property: (_expr, bound) => (['start', 'end', 'time'] as const)[indexOf(bound)],
  };
}

/**
 * `GROUP BY window_start, window_end` over an input that is already windowed (a window aggregate,
 * join or Top-N upstream, through calcs): Flink's WindowAttachedWindowingStrategy. Rows keep the
 * window they carry and the group fires once with the watermark, where a regular GROUP BY would
 * keep every window's group forever and revise it. Undefined unless both columns of one event-time
 * window are grouped on.
 */
export function attachedGroupWindow(binder: QueryBinder, input: BoundRelation, bound: (PlanExpr | undefined)[]): GroupWindow | undefined {
  const nodeOf = (id: string): LogicalNode => binder.builder.nodes.find((n) => n.id === id) as LogicalNode;
  const found: Partial<Record<WindowColumn['property'], { index: number; column: WindowColumn }>> = {};
  for (const expr of bound) {
    if (expr?.kind !== 'input') continue;
    const column = windowColumn(nodeOf, input.nodeId, expr.index);
    if (column?.timeAttribute === 'rowtime') found[column.property] = { index: expr.index, column };
  }
  const { start, end } = found;
  if (!start || !end || !sameWindow(start.column, end.column)) return undefined;
  const properties = new Map<number, 'start' | 'end' | 'time'>([[start.index, 'start'], [end.index, 'end']]);
  // window_time of the same window may be selected or grouped on as well: it is the window's too.
  input.fields.forEach((_, index) => {
    const column = windowColumn(nodeOf, input.nodeId, index);
    if (column?.property === 'time' && sameWindow(column, end.column)) properties.set(index, 'time');
  });
  const propertyOf = (expr: PlanExpr | undefined): 'start' | 'end' | 'time' | undefined => (expr?.kind === 'input' ? properties.get(expr.index) : undefined);
  return {
    spec: start.column.window,
    timeIndex: end.index,
    timeAttribute: 'rowtime',
    attached: { startIndex: start.index, endIndex: end.index },
    isWindowGroupItem: (_expr, expr) => propertyOf(expr) !== undefined,
    property: (_expr, expr) => propertyOf(expr),
  };
}

const LEGACY_WINDOWS = new Set(['TUMBLE', 'HOP', 'SESSION']);

/** A legacy group window `GROUP BY TUMBLE(ts, size)`, `HOP(ts, slide, size)` or `SESSION(ts, gap)`, if any. */
export function legacyGroupWindow(binder: QueryBinder, exprBinder: ExpressionBinder, fields: PlanField[], groupBy: Expr[]): GroupWindow | undefined {
  const calls = groupBy.filter((e): e is Extract<Expr, { kind: 'call' }> => e.kind === 'call' && LEGACY_WINDOWS.has(e.name.name.toUpperCase()));
  if (calls.length === 0) return undefined;
  if (calls.length > 1) return fail(binder, 'a GROUP BY can have only one group window', calls[1].span);
  const call = calls[0];
  const name = call.name.name.toUpperCase();
  const time = exprBinder.bind(call.args[0]);
  const field = time.kind === 'input' ? fields[time.index] : undefined;
  if (!field?.time || time.kind !== 'input') {
    return fail(binder, `Window aggregate can only be defined over a time attribute column, but ${formatType(time.type)} encountered.`, call.args[0]?.span ?? call.span, 'TYPE_MISMATCH');
  }
  const ms = call.args.slice(1).map((arg) => intervalMs(binder, exprBinder, arg));
  if (ms.length !== (name === 'HOP' ? 2 : 1)) return fail(binder, `${name} expects ${name === 'HOP' ? 'a slide and a size' : 'one interval'}`, call.span, 'INVALID_CALL');
  // Legacy HOP takes (slide, size); the TVF takes (slide, size) too, so one mapping serves both.
  const spec = windowSpec(name, ms);
  return {
    spec,
    timeIndex: time.index,
    timeAttribute: field.time,
    isWindowGroupItem: (expr) => expr === call,
    property: (expr) => {
      if (expr.kind !== 'call') return undefined;
      const fn = expr.name.name.toUpperCase();
      if (!fn.startsWith(`${name}_`)) return undefined;
      return ({ [`${name}_START`]: 'start', [`${name}_END`]: 'end', [`${name}_ROWTIME`]: 'time', [`${name}_PROCTIME`]: 'time' } as const)[fn];
    },
  };
}

function windowSpec(name: string, ms: number[]): WindowSpec {
  switch (name) {
    case 'TUMBLE': return { kind: 'tumble', sizeMs: ms[0], offsetMs: ms[1] ?? 0 };
    case 'HOP': return { kind: 'hop', slideMs: ms[0], sizeMs: ms[1], offsetMs: ms[2] ?? 0 };
    case 'CUMULATE': return { kind: 'cumulate', stepMs: ms[0], maxSizeMs: ms[1], offsetMs: ms[2] ?? 0 };
    default: return { kind: 'session', gapMs: ms[0] };
  }
}

function intervalMs(binder: QueryBinder, exprBinder: ExpressionBinder, arg: Expr): number {
  const bound = exprBinder.bind(arg);
  if (bound.kind !== 'literal' || bound.type.kind !== 'INTERVAL_DAY_TIME' || typeof bound.value !== 'number' || bound.value <= 0) {
    return fail(binder, 'window sizes must be literal day-time intervals such as INTERVAL \'10\' SECOND', arg.span, 'INVALID_CALL');
  }
  return bound.value;
}

function fail(binder: QueryBinder, message: string, span: Span, code = 'INVALID_CALL'): never {
  binder.diagnostics.error(code, message, span);
  throw new BindAbort();
}
