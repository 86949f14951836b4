// OVER aggregation: `SELECT ..., SUM(x) OVER (PARTITION BY k ORDER BY ts ROWS ...) FROM t`.
import { AGGREGATE_FUNCTION_NAMES as FLINK_AGGREGATES } from '../functions/flink-function-names';
import { isImplementedAggregate } from '../functions/aggregate/aggregate-types';
import { describeNode, updatingProducer } from '../plan/changelog-mode';
import type { AggregateCall } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr, Select, WindowSpec } from './ast';
import { rewriteExpr, syntheticColumn, visitExpr } from './ast-rewrite';
import { bindAggregateCall, isAggregateSelect } from './aggregate-binder';
import { implicitName, type BoundRelation, type FromItem } from './bound-relation';
import type { ExpressionBinder } from './expression-binder';
import { bindOverWindow } from './over-window';
import type { QueryBinder } from './query-binder';
import { materializeWindows } from './window-binder';

type OverCall = Extract<Expr, { kind: 'call' }> & { over: WindowSpec };

function overCallsOf(expr: Expr, found: OverCall[]): void {
  visitExpr(expr, (node) => {
    if (node.kind !== 'call' || !node.over) return true;
    found.push(node as OverCall);
    return false;
  });
}

/** The OVER calls of a select list, in order. */
function overCalls(query: Select): OverCall[] {
  const found: OverCall[] = [];
  for (const item of query.items) if (item.kind === 'expr') overCallsOf(item.expr, found);
  return found;
}

/** Whether a SELECT computes aggregates over an OVER window (ranking functions are Top-N, bound before). */
export function isOverSelect(query: Select): boolean {
  return overCalls(query).length > 0;
}

/**
 * Binds a SELECT with OVER aggregates as Flink plans it: a calc with the input columns (after
 * WHERE) followed by the aggregate arguments and PARTITION BY values it computes, the
 * `over_aggregate` appending one column per aggregate, then a calc for the select list. All
 * aggregates must share one window; the input must be insert-only.
 */
export function bindOverSelect(binder: QueryBinder, query: Select, fromItem: FromItem): BoundRelation {
  const calls = overCalls(query);
  if (isAggregateSelect(query)) return binder.unsupported('OVER aggregation in a SELECT with GROUP BY or aggregate functions is not supported yet', calls[0].over.span);
  const tvf = fromItem.relation.window;
  const from = tvf ? { ...fromItem, relation: materializeWindows(binder, tvf, (query.from ?? query).span) } : fromItem;
  const input = from.relation;
  const exprBinder = binder.expressionBinder(from);
  const window = bindOverWindow(binder, exprBinder, input.fields, calls[0].over);
  const windowKey = JSON.stringify(window);
  for (const call of calls.slice(1)) {
    if (JSON.stringify(bindOverWindow(binder, exprBinder, input.fields, call.over)) !== windowKey) {
      binder.unsupported('Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window.', call.over.span);
    }
  }
  const producer = updatingProducer(binder.builder.nodes, input.nodeId);
  if (producer) binder.unsupported(`StreamPhysicalOverAggregate doesn't support consuming update changes which is produced by node ${describeNode(producer)}`, calls[0].over.span);

  // The input columns first, so the aggregate's output starts with the input row as Flink's does.
  const width = input.fields.length;
  const pre: PlanExpr[] = input.fields.map((f, index) => ({ kind: 'input', index, type: f.type }));
  const preIndex = new Map(pre.map((p, i) => [JSON.stringify(p), i]));
  const addPre = (expr: PlanExpr): number => {
    const key = JSON.stringify(expr);
    let index = preIndex.get(key);
    if (index === undefined) {
      index = pre.push(expr) - 1;
      preIndex.set(key, index);
    }
    return index;
  };
  const filter = query.where ? binder.bindCondition(exprBinder, query.where, 'WHERE') : null;
  const keys = window.partitionBy.map(addPre);
  const aggs: AggregateCall[] = calls.map((call, i) => bindOverCall(binder, exprBinder, call, addPre, `w0$o${i}`));
  const preFields: PlanField[] = pre.map((p, i) => (i < width ? input.fields[i] : { name: `$f${i}`, type: p.type }));
  const preId = binder.builder.add('calc', { projection: pre, filter, fields: preFields }, [input.nodeId]);
  const overFields: PlanField[] = [...preFields, ...aggs.map((a) => ({ name: a.name, type: a.type }))];
  const overId = binder.builder.add('over_aggregate', {
    keys, timeIndex: window.timeIndex, timeAttribute: window.timeAttribute, frame: window.frame, aggs, fields: overFields, inputNames: preFields.map((f) => f.name),
  }, [preId]);

  // The select list over [input, computed columns, aggregates]; `*` still means the input's columns.
  const qualifiers = from.columnQualifiers ? { columnQualifiers: [...from.columnQualifiers, ...overFields.slice(width).map(() => '')] } : {};
  const overFrom: FromItem = { relation: { nodeId: overId, fields: overFields }, qualifier: from.qualifier, ...qualifiers };
  const starFrom: FromItem = { ...overFrom, relation: { nodeId: overId, fields: overFields.slice(0, width) } };
  const postBinder = binder.expressionBinder(overFrom);
  const projection: PlanExpr[] = [];
  const fields: PlanField[] = [];
  for (const item of query.items) {
    if (item.kind === 'star') {
      binder.selectItem(item, postBinder, starFrom, projection, fields);
      continue;
    }
    const alias = item.alias ?? { name: implicitName(item.expr, fields.length), quoted: true, span: item.span };
    const expr = rewriteExpr(item.expr, (node) => {
      const index = calls.indexOf(node as OverCall);
      return index < 0 ? undefined : syntheticColumn(aggs[index].name, node.span);
    });
    binder.selectItem({ ...item, expr, alias }, postBinder, overFrom, projection, fields);
  }
  const nodeId = binder.builder.add('calc', { projection, filter: null, fields }, [overId]);
  return { nodeId, fields };
}

// LAG, LEAD, NTILE and the like are window functions of their own, not aggregates.
function bindOverCall(binder: QueryBinder, exprBinder: ExpressionBinder, call: OverCall, addPre: (expr: PlanExpr) => number, name: string): AggregateCall {
  const fn = call.name.name.toUpperCase();
  if (!FLINK_AGGREGATES.has(fn) || !isImplementedAggregate(fn)) return binder.unsupported(`${fn} is not supported in OVER windows yet`, call.name.span);
  return bindAggregateCall(binder, exprBinder, call, addPre, name);
}
