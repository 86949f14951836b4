import { equiJoinPair } from '../plan/join-filter-push-down';
import { andAll, conjuncts, remapInputs, type PlanExpr } from '../plan/plan-expr';
import type { Expr, Query, Select } from './ast';
import { isAggregateSelect } from './aggregate-binder';
import { scopeOf, type FromItem } from './bound-relation';
import { DiagnosticSink } from './diagnostic';
import { BindAbort, ExpressionBinder } from './expression-binder';
import { simple } from './data-type';
import type { QueryBinder } from './query-binder';
import { bindWindowJoin, windowedInput } from './window-join-binder';

type SubqueryPredicate =
  | { kind: 'exists'; query: Query; anti: boolean; span: Expr['span'] }
  | { kind: 'in'; operand: Expr; query: Query; anti: boolean; span: Expr['span'] };

/**
 * Takes the `[NOT] EXISTS (SELECT ...)` and `x [NOT] IN (SELECT ...)` conjuncts out of a SELECT's
 * WHERE and joins them onto its FROM item as semi joins (EXISTS, IN) and anti joins (NOT EXISTS,
 * NOT IN), as Flink's SubQueryRemoveRule does; the rest of the WHERE stays with the query. The
 * output keeps the FROM item's columns and qualifiers, so the SELECT binds as before.
 */
export function bindSubqueryPredicates(binder: QueryBinder, query: Select, from: FromItem): { query: Select; from: FromItem } {
  if (!query.where) return { query, from };
  const kept: Expr[] = [];
  const predicates: SubqueryPredicate[] = [];
  for (const conjunct of astConjuncts(query.where)) {
    const predicate = subqueryPredicate(conjunct);
    if (predicate) predicates.push(predicate);
    else kept.push(conjunct);
  }
  if (predicates.length === 0) return { query, from };
  let item = windowedInput(binder, from, query.from?.span ?? query.span);
  for (const predicate of predicates) item = predicate.kind === 'exists' ? bindExists(binder, item, predicate) : bindIn(binder, item, predicate);
  const where = kept.reduce<Expr | undefined>((acc, e) => (acc ? { kind: 'binary', op: 'AND', left: acc, right: e, span: query.where?.span ?? e.span } : e), undefined);
  return { query: { ...query, where }, from: item };
}

function astConjuncts(expr: Expr): Expr[] {
  return expr.kind === 'binary' && expr.op === 'AND' ? [...astConjuncts(expr.left), ...astConjuncts(expr.right)] : [expr];
}

function subqueryPredicate(expr: Expr): SubqueryPredicate | undefined {
  if (expr.kind === 'exists') return { kind: 'exists', query: expr.query, anti: false, span: expr.span };
  if (expr.kind === 'unary' && expr.op === 'NOT' && expr.operand.kind === 'exists') return { kind: 'exists', query: expr.operand.query, anti: true, span: expr.span };
  if (expr.kind === 'inQuery') return { kind: 'in', operand: expr.operand, query: expr.query, anti: expr.negated, span: expr.span };
  return undefined;
}

/** The right input of a correlated subquery and its WHERE split into key pairs and the rest, over left ++ right. */
interface Correlated {
  right: FromItem;
  rightId: string;
  joined: FromItem;
  leftKeys: number[];
  rightKeys: number[];
  rest: PlanExpr[];
}

/**
 * The subquery's FROM is the right input; its WHERE, which may name the outer columns, is the
 * match condition: `right column = outer column` conjuncts become keys.
 */
function bindCorrelated(binder: QueryBinder, left: FromItem, sub: Select & { from: NonNullable<Select['from']> }): Correlated {
  const right = windowedInput(binder, binder.tableRef(sub.from), sub.from.span);
  const leftWidth = left.relation.fields.length;
  const qualifiers = (item: FromItem): string[] => item.relation.fields.map((_, i) => item.columnQualifiers?.[i] ?? item.qualifier);
  const joined: FromItem = {
    relation: { nodeId: '', fields: [...left.relation.fields, ...right.relation.fields] },
    qualifier: '',
    columnQualifiers: [...qualifiers(left), ...qualifiers(right)],
  };
  const correlated: Correlated = { right, rightId: right.relation.nodeId, joined, leftKeys: [], rightKeys: [], rest: [] };
  if (!sub.where) return correlated;
  for (const conjunct of conjuncts(binder.bindCondition(binder.expressionBinder(joined), sub.where, 'WHERE'))) {
    const pair = equiJoinPair(conjunct, leftWidth);
    if (pair) {
      correlated.leftKeys.push(pair[0]);
      correlated.rightKeys.push(pair[1]);
    } else {
      correlated.rest.push(conjunct);
    }
  }
  return correlated;
}

/** A SELECT a correlated subquery can be read from: FROM and WHERE, no grouping or aggregates. */
function isPlainSelect(query: Query): query is Select & { from: NonNullable<Select['from']> } {
  return query.kind === 'select' && query.from !== undefined && query.groupBy.length === 0 && !query.having && !isAggregateSelect(query);
}

function bindExists(binder: QueryBinder, left: FromItem, predicate: Extract<SubqueryPredicate, { kind: 'exists' }>): FromItem {
  const sub = predicate.query;
  if (!isPlainSelect(sub)) return binder.unsupported('EXISTS is supported over a SELECT ... FROM ... [WHERE ...] without GROUP BY or aggregates', predicate.span);
  const { rightId, leftKeys, rightKeys, rest } = bindCorrelated(binder, left, sub);
  return semiAnti(binder, left, rightId, predicate, leftKeys, rightKeys, andAll(rest));
}

/**
 * IN: `x IN (SELECT y FROM r WHERE ...)` matches on `x = y` besides the subquery's WHERE, which
 * may name outer columns; a grouping or aggregating subquery must be uncorrelated. NOT IN is true
 * only when no value equals x and none is unknown: with a nullable side a row matches when
 * `x = y` is TRUE or NULL, which cannot be hashed, so that part is a condition on each pair.
 */
function bindIn(binder: QueryBinder, left: FromItem, predicate: Extract<SubqueryPredicate, { kind: 'in' }>): FromItem {
  const operand = binder.expressionBinder(left).bind(predicate.operand);
  const sub = predicate.query;
  const leftWidth = left.relation.fields.length;
  let correlated: Correlated;
  let value: PlanExpr;
  if (isPlainSelect(sub) && sub.items.length === 1 && sub.items[0].kind === 'expr') {
    correlated = bindCorrelated(binder, left, sub);
    value = bindSubqueryValue(binder, correlated, sub.items[0].expr, leftWidth);
  } else {
    const right = binder.query(sub);
    if (right.fields.length !== 1) return binder.unsupported(`the subquery of IN must return one column, not ${right.fields.length}`, sub.span);
    correlated = { right: { relation: right, qualifier: '' }, rightId: right.nodeId, joined: left, leftKeys: [], rightKeys: [], rest: [] };
    value = { kind: 'input', index: leftWidth, type: right.fields[0].type };
  }
  const { leftKeys, rightKeys, rest } = correlated;
  const equal: PlanExpr = { kind: 'call', op: 'eq', args: [operand, value], type: simple('BOOLEAN') };
  const pair = equiJoinPair(equal, leftWidth);
  if (pair && (!predicate.anti || (!operand.type.nullable && !value.type.nullable))) {
    leftKeys.push(pair[0]);
    rightKeys.push(pair[1]);
  } else {
    rest.push(predicate.anti ? { kind: 'call', op: 'is_not_false', args: [equal], type: simple('BOOLEAN', false) } : equal);
  }
  return semiAnti(binder, left, correlated.rightId, predicate, leftKeys, rightKeys, andAll(rest));
}

/**
 * The value an IN subquery selects, over left ++ right: the subquery's own columns come first, as
 * SQL scoping has it (`L.num IN (SELECT num FROM r ...)` means r's num); outer columns only when the
 * subquery's FROM does not name them.
 */
function bindSubqueryValue(binder: QueryBinder, correlated: Correlated, expr: Expr, leftWidth: number): PlanExpr {
  const right = correlated.right;
  try {
    const inner = new ExpressionBinder(scopeOf(right), new DiagnosticSink(), binder.userFunctions).bind(expr);
    return remapInputs(inner, new Map(right.relation.fields.map((_, i) => [i, i + leftWidth])));
  } catch (error) {
    if (!(error instanceof BindAbort)) throw error;
    return binder.expressionBinder(correlated.joined).bind(expr);
  }
}

function semiAnti(binder: QueryBinder, left: FromItem, rightId: string, predicate: SubqueryPredicate, leftKeys: number[], rightKeys: number[], condition: PlanExpr | null): FromItem {
  const fields = left.relation.fields;
  const anti = predicate.anti;
  const windowJoin = bindWindowJoin(binder, {
    joinType: anti ? 'ANTI' : 'SEMI', leftId: left.relation.nodeId, rightId, leftKeys, rightKeys, condition, leftWidth: fields.length, fields, span: predicate.span,
  });
  if (windowJoin) return { ...left, relation: { nodeId: windowJoin, fields } };
  const nodeId = binder.builder.add(anti ? 'anti_join' : 'semi_join', {
    leftKeys, rightKeys, condition, leftWidth: fields.length, fields, leftHasUpdates: false, rightHasUpdates: false,
  }, [left.relation.nodeId, rightId]);
  return { ...left, relation: { nodeId, fields } };
}
