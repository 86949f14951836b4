// Window aggregation over the output of a window operator (Flink's window-attached windowing strategy).
import type { LogicalNode } from '../plan/logical-plan';
import type { PlanExpr } from '../plan/plan-expr';
import { sameWindow, windowColumn, type WindowColumn } from '../plan/window-columns';
import type { Expr } from './ast';
import type { FromItem } from './bound-relation';
import type { QueryBinder } from './query-binder';
import type { GroupWindow } from './window-binder';

/**
 * The window of a GROUP BY over rows that already carry one: the grouped columns include the
 * window_start and window_end of one event-time window (a window aggregate, window join or window
 * Top-N upstream, Nexmark q5's `GROUP BY starttime, endtime`). Each row then belongs to its own
 * window, which fires when the watermark passes its end, instead of every group being revised
 * forever by a regular aggregate. Undefined for any other GROUP BY.
 */
export function attachedGroupWindow(binder: QueryBinder, from: FromItem, groupBy: Expr[], tryBind: (expr: Expr) => PlanExpr | undefined): GroupWindow | undefined {
  const nodes = binder.builder.nodes;
  if (!nodes.some((n) => n.id === from.relation.nodeId)) return undefined;
  const nodeOf = (id: string): LogicalNode => nodes.find((n) => n.id === id) as LogicalNode;
  const traced = (index: number): WindowColumn | undefined => windowColumn(nodeOf, from.relation.nodeId, index);
  let start: number | undefined;
  let end: number | undefined;
  for (const item of groupBy) {
    const bound = tryBind(item);
    if (bound?.kind !== 'input') continue;
    const property = traced(bound.index)?.property;
    if (property === 'start') start = bound.index;
    else if (property === 'end') end = bound.index;
  }
  if (start === undefined || end === undefined) return undefined;
  const window = traced(end) as WindowColumn;
  if (!sameWindow(traced(start) as WindowColumn, window) || window.timeAttribute !== 'rowtime') return undefined;
  const properties = new Map<number, 'start' | 'end' | 'time'>([[start, 'start'], [end, 'end']]);
  from.relation.fields.forEach((_, index) => {
    const column = traced(index);
    if (column?.property === 'time' && sameWindow(column, window)) properties.set(index, 'time');
  });
  const propertyOf = (bound: PlanExpr | undefined): 'start' | 'end' | 'time' | undefined => (bound?.kind === 'input' ? properties.get(bound.index) : undefined);
  return {
    spec: window.window,
    timeIndex: end,
    timeAttribute: 'rowtime',
    attached: true,
    isWindowGroupItem: (_expr, bound) => propertyOf(bound) !== undefined,
    property: (_expr, bound) => propertyOf(bound),
  };
}
