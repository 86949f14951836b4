import { isImplementedAggregate, aggregateResultType } from '../functions/aggregate/aggregate-types';
import { AGGREGATE_FUNCTION_NAMES as FLINK_AGGREGATES } from '../functions/flink-function-names';
import type { AggregateCall } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr, Select } from './ast';
import { rewriteExpr, syntheticColumn, visitExpr } from './ast-rewrite';
import { DiagnosticSink } from './diagnostic';
import { BindAbort, ExpressionBinder } from './expression-binder';
import { expandGroupingSets, groupingExpr, type GroupingSets } from './grouping-sets';
import { implicitName, scopeOf, type BoundRelation, type FromItem } from './bound-relation';
import type { QueryBinder } from './query-binder';
import { Scope } from './scope';
import { legacyGroupWindow, tvfGroupWindow, type GroupWindow } from './window-binder';
import { attachedGroupWindow } from './attached-window-binder';

/** An aggregate function call (not an OVER window). */
export function isAggregateCall(expr: Expr): expr is Extract<Expr, { kind: 'call' }> {
  return expr.kind === 'call' && !expr.over && FLINK_AGGREGATES.has(expr.name.name.toUpperCase());
}

function containsAggregate(expr: Expr): boolean {
  let found = false;
  visitExpr(expr, (node) => {
    if (isAggregateCall(node)) found = true;
    return !found;
  });
  return found;
}

/** Whether a SELECT aggregates: GROUP BY, HAVING, DISTINCT or an aggregate call in its items. */
export function isAggregateSelect(query: Select): boolean {
  return query.groupBy.length > 0 || query.having !== undefined || query.items.some((item) => item.kind === 'expr' && containsAggregate(item.expr));
}

/** Structural identity of a bound expression, for matching select-list expressions to GROUP BY keys. */
function exprKey(expr: PlanExpr): string {
  return JSON.stringify(expr);
}

/**
 * Binds an aggregating SELECT as Flink plans it: a calc computing the grouping keys, aggregate
 * arguments and FILTER conditions (after WHERE), the aggregate (`group_aggregate`, or
 * `window_aggregate` for window TVFs and legacy group windows), then a calc for the select list
 * and HAVING over [keys, aggregates, window bounds]. SELECT DISTINCT groups by every output column.
 */
export function bindAggregateSelect(binder: QueryBinder, query: Select, from: FromItem): BoundRelation {
  const tvf = from.relation.window;
  const input = tvf ? tvf.input : from.relation;
  const exprBinder = binder.expressionBinder(from);
  const quiet = new ExpressionBinder(scopeOf(from), new DiagnosticSink(), binder.userFunctions);
  const tryBind = (expr: Expr): PlanExpr | undefined => {
    try {
      return quiet.bind(expr);
    } catch (error) {
      if (error instanceof BindAbort) return undefined;
      throw error;
    }
  };
  const window: GroupWindow | undefined = tvf ? tvfGroupWindow(tvf) : legacyGroupWindow(binder, exprBinder, from.relation.fields, query.groupBy) ?? attachedGroupWindow(binder, from, query.groupBy, tryBind);
  const pre: PlanExpr[] = [];
  const preIndex = new Map<string, number>();
  const addPre = (expr: PlanExpr): number => {
    const key = exprKey(expr);
    let index = preIndex.get(key);
    if (index === undefined) {
      index = pre.push(expr) - 1;
      preIndex.set(key, index);
    }
    return index;
  };
  const filter = query.where ? binder.bindCondition(exprBinder, query.where, 'WHERE') : null;
  const grouping: GroupingSets = expandGroupingSets(binder, query.groupBy.filter((e) => !window?.isWindowGroupItem(e, tryBind(e))));
  const keyExprs = grouping.keys.map((e) => exprBinder.bind(e));
  // Sessions are kept per group key, which covers PARTITION BY when its columns are grouped on.
  for (const column of tvf?.partitionBy ?? []) {
    const bound = exprBinder.bind(column);
    if (!keyExprs.some((k) => exprKey(k) === exprKey(bound))) binder.unsupported('a SESSION PARTITION BY column must also be in GROUP BY', column.span);
  }
  if (tvf && keyExprs.some((k) => usesWindowColumn(k, input.fields.length))) binder.unsupported('only window_start and window_end of a window table function can be grouped on', query.span);
  const keys = keyExprs.map((k) => addPre(k));
  const aggCalls = collectAggregates(query);
  const aggs: AggregateCall[] = aggCalls.map((call, i) => bindAggregateCall(binder, exprBinder, call, addPre, aggregateName(query, call, i)));
  if (tvf && pre.some((p) => usesWindowColumn(p, input.fields.length))) binder.unsupported('window columns can only be grouped on or selected', query.span);
  const timeIndex = window ? addPre({ kind: 'input', index: window.timeIndex, type: input.fields[window.timeIndex].type }) : -1;
  const preFields: PlanField[] = pre.map((p, i) => ({ name: input.fields[p.kind === 'input' ? p.index : -1]?.name ?? `$f${i}`, type: p.type }));
  const preId = binder.builder.add('calc', { projection: pre, filter, fields: preFields }, [input.nodeId]);
    let aggInput = preId;
  let groupKeys = keys;
  let aggInputFields = preFields;
  if (grouping.sets) {
    const expanded = grouping.expand(preId, keys, preFields, binder.builder);
    aggInput = expanded.nodeId;
    groupKeys = expanded.keys;
    aggInputFields = expanded.fields;
  }
  const keyFields: PlanField[] = groupKeys.map((k, i) => ({ name: `$k${i}`, type: aggInputFields[k].type }));
  const aggFields: PlanField[] = aggs.map((a, i) => ({ name: `$a${i}`, type: a.type }));
  let aggId: string;
  const outFields = [...keyFields, ...aggFields];
  if (window) {
    const windowFields: PlanField[] = [
      { name: '$wstart', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
      { name: '$wend', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
      window.timeAttribute === 'rowtime'
        ? { name: '$wtime', type: { kind: 'TIMESTAMP', precision: 3, nullable: false }, time: 'rowtime' }
        : { name: '$wtime', type: { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false }, time: 'proctime' },
    ];
    outFields.push(...windowFields);
    aggId = binder.builder.add('window_aggregate', { keys: groupKeys, aggs, window: window.spec, timeIndex, timeAttribute: window.timeAttribute, ...(window.attached ? { attachedWindow: true } : {}), fields: outFields, inputNames: aggInputFields.map((f) => f.name) }, [aggInput]);
  } else {
    aggId = binder.builder.add('group_aggregate', { keys: groupKeys, aggs, fields: outFields, inputHasUpdates: false, generateUpdateBefore: true, inputNames: aggInputFields.map((f) => f.name) }, [aggInput]);
  }
  const rewrite = (expr: Expr): Expr => rewriteExpr(expr, (node) => {
    const aggIndex = aggCalls.indexOf(node as Extract<Expr, { kind: 'call' }>);
    if (aggIndex >= 0) return syntheticColumn(`$a${aggIndex}`, node.span);
    if (node.kind === 'call' && ['GROUPING', 'GROUPING_ID', 'GROUP_ID'].includes(node.name.name.toUpperCase())) return node;
    const bound = node.kind === 'call' && window?.property(node, undefined) ? undefined : tryBind(node);
    const property = window?.property(node, bound);
    if (property) return syntheticColumn(`$w${property}`, node.span);
    if (!bound) return undefined;
    const keyIndex = keyExprs.findIndex((k) => exprKey(k) === exprKey(bound));
    return keyIndex >= 0 ? syntheticColumn(`$k${keyIndex}`, node.span) : undefined;
  });
  const post = bindPost(binder, query, outFields, rewrite, grouping, keys.length);
  const resultId = binder.builder.add('calc', { projection: post.projection, filter: post.filter, fields: post.fields }, [aggId]);
  const result: BoundRelation = { nodeId: resultId, fields: post.fields };
  return query.distinct ? distinctRelation(binder, result) : result;
}

function usesWindowColumn(expr: PlanExpr, inputWidth: number): boolean {
  return JSON.stringify(expr).includes('"kind":"input"') && hasInputAtLeast(expr, inputWidth);
}

function hasInputAtLeast(expr: PlanExpr, width: number): boolean {
  switch (expr.kind) {
    case 'input': return expr.index >= width;
    case 'literal': return false;
    case 'field': return hasInputAtLeast(expr.target, width);
    case 'call': return expr.args.some((a) => hasInputAtLeast(a, width));
  }
}

function collectAggregates(query: Select): Extract<Expr, { kind: 'call' }>[] {
  const found: Extract<Expr, { kind: 'call' }>[] = [];
  const collect = (expr: Expr): void => visitExpr(expr, (node) => {
    if (!isAggregateCall(node)) return true;
    found.push(node);
    return false;
  });
  for (const item of query.items) if (item.kind === 'expr') collect(item.expr);
  if (query.having) collect(query.having);
  return found;
}

// Flink names an aggregate after the select item that is exactly it (alias or EXPR$n), else $f<n>.
function aggregateName(query: Select, call: Expr, index: number): string {
  const position = query.items.findIndex((item) => item.kind === 'expr' && item.expr === call);
  if (position < 0) return `$f${index}`;
  const item = query.items[position];
  return item.kind === 'expr' && item.alias ? item.alias.name : `EXPR$${position}`;
}

/** Binds one aggregate call; its arguments and FILTER become columns of the calc before the aggregate (`addPre`). */
export function bindAggregateCall(binder: QueryBinder, exprBinder: ExpressionBinder, call: Extract<Expr, { kind: 'call' }>, addPre: (e: PlanExpr) => number, resultName: string): AggregateCall {
  const name = call.name.name.toUpperCase();
  if (!isImplementedAggregate(name)) binder.unsupported(`aggregate function ${name} is not supported yet`, call.name.span);
  for (const arg of call.args) {
    if (containsAggregate(arg)) {
      binder.diagnostics.error('INVALID_CALL', 'aggregate function calls cannot be nested', arg.span);
      throw new BindAbort();
    }
  }
  const args = call.countStar ? [] : call.args.map((arg) => exprBinder.bind(arg));
  const type = aggregateResultType(name, args.map((a) => a.type), call.countStar);
  if (typeof type === 'string') {
    binder.diagnostics.error('INVALID_CALL', type, call.span);
    throw new BindAbort();
  }
  const filter = call.filter ? addPre(binder.bindCondition(exprBinder, call.filter, 'FILTER')) : null;
  const fn = name === 'STDDEV' ? 'STDDEV_SAMP' : name === 'VARIANCE' ? 'VAR_SAMP' : name;
  return { fn, args: args.map((a) => addPre(a)), argTypes: args.map((a) => a.type), distinct: call.distinct, filter, type, name: resultName };
}

function bindPost(
  binder: QueryBinder,
  query: Select,
  outFields: PlanField[],
  rewrite: (expr: Expr) => Expr,
  grouping: GroupingSets,
  keyCount: number,
): { projection: PlanExpr[]; filter: PlanExpr | null; fields: PlanField[] } {
  const groupingColumns: PlanExpr[] = [];
  const scopeColumns = outFields.map((f) => ({ qualifier: '', name: f.name, type: f.type }));
  const withGrouping = (expr: Expr): Expr => rewriteExpr(expr, (node) => {
    if (node.kind !== 'call') return undefined;
    const fn = node.name.name.toUpperCase();
    if (fn !== 'GROUPING' && fn !== 'GROUPING_ID' && fn !== 'GROUP_ID') return undefined;
    const computed = groupingExpr(binder, fn, node, grouping, keyCount);
    const name = `$g${groupingColumns.length}`;
    scopeColumns.push({ qualifier: '', name, type: computed.type });
    groupingColumns.push(computed);
    return syntheticColumn(name, node.span);
  });
  const prepared = query.items.map((item) => (item.kind === 'expr' ? withGrouping(rewrite(item.expr)) : undefined));
  const having = query.having ? withGrouping(rewrite(query.having)) : undefined;
  const post = new ExpressionBinder(new Scope(scopeColumns), binder.diagnostics, binder.userFunctions);
  const projection: PlanExpr[] = [];
  const fields: PlanField[] = [];
  let failed = false;
  query.items.forEach((item, i) => {
    if (item.kind === 'star') {
      binder.diagnostics.error('NOT_SUPPORTED', "'*' in an aggregating SELECT is not supported; list the grouped columns", item.span);
      failed = true;
      return;
    }
    const expr = prepared[i] as Expr;
    if (!checkGrouped(binder, expr)) {
      failed = true;
      return;
    }
    try {
      const bound = substituteGrouping(post.bind(expr), outFields.length, groupingColumns);
      projection.push(bound);
      const time = bound.kind === 'input' ? outFields[bound.index]?.time : undefined;
      const name = item.alias?.name ?? implicitName(item.expr, i);
      fields.push(time ? { name, type: bound.type, time } : { name, type: bound.type });
    } catch (error) {
      if (!(error instanceof BindAbort)) throw error;
      failed = true;
    }
  });
  let filter: PlanExpr | null = null;
  if (having && query.having) {
    if (!checkGrouped(binder, having)) failed = true;
    else filter = substituteGrouping(binder.bindCondition(post, having, 'HAVING'), outFields.length, groupingColumns);
  }
  if (failed) throw new BindAbort();
  return { projection, filter, fields };
}

function substituteGrouping(expr: PlanExpr, width: number, columns: PlanExpr[]): PlanExpr {
  switch (expr.kind) {
    case 'input': return expr.index >= width ? columns[expr.index - width] : expr;
    case 'literal': return expr;
    case 'field': return { ...expr, target: substituteGrouping(expr.target, width, columns) };
    case 'call': return { ...expr, args: expr.args.map((a) => substituteGrouping(a, width, columns)) };
  }
}

// Columns left after rewriting were neither grouped nor aggregated: Flink's "is not being grouped".
function checkGrouped(binder: QueryBinder, expr: Expr): boolean {
  let ok = true;
  visitExpr(expr, (node) => {
    if (node.kind === 'identifier' && !(node.parts.length === 1 && node.parts[0].quoted && node.parts[0].name.startsWith('$'))) {
      binder.diagnostics.error('NOT_GROUPED', `Expression '${node.parts.map((p) => p.name).join('.')}' is not being grouped`, node.span);
      ok = false;
    }
    return ok;
  });
  return ok;
}

/** SELECT DISTINCT: a group aggregate over every column, without aggregate functions. */
export function distinctRelation(binder: QueryBinder, relation: BoundRelation): BoundRelation {
  const keys = relation.fields.map((_, i) => i);
  const fields = relation.fields.map((f) => ({ name: f.name, type: f.type }));
  const nodeId = binder.builder.add('group_aggregate', { keys, aggs: [], fields, inputHasUpdates: false, generateUpdateBefore: true, inputNames: fields.map((f) => f.name) }, [relation.nodeId]);
  return { nodeId, fields };
}

