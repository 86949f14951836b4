// Top-N and deduplication: `SELECT ... FROM (SELECT ..., ROW_NUMBER() OVER (...) AS rn FROM t) WHERE rn <= N`.
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { SortKey } from '../plan/rank-plan';
import type { Expr, Select, SelectItem } from './ast';
import { visitExpr } from './ast-rewrite';
import { isAggregateSelect } from './aggregate-binder';
import { implicitName, type FromItem } from './bound-relation';
import { resolveNamedWindows } from './over-window';
import type { QueryBinder } from './query-binder';
import { joinSpans } from './span';
import { windowedInput } from './window-join-binder';
import { bindWindowRank } from './window-rank-binder';

type RankType = 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
type RankingCall = Extract<Expr, { kind: 'call' }> & { over: NonNullable<Extract<Expr, { kind: 'call' }>['over']> };

const RANK_TYPES: ReadonlySet<string> = new Set<RankType>(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);

function isRankingCall(expr: Expr): expr is RankingCall {
  return expr.kind === 'call' && expr.over !== undefined && RANK_TYPES.has(expr.name.name.toUpperCase());
}

/** The FROM item and the rest of the SELECT once a Top-N subquery in its FROM became a `rank` or `deduplicate` node. */
export interface RankedFrom {
  from: FromItem;
  query: Select;
}

/**
 * Recognizes Flink's Top-N pattern in a SELECT's FROM and binds the subquery as a ranking node;
 * the rank filter leaves the outer WHERE. Undefined when the SELECT does not have that shape. A
 * ranking function anywhere else is refused: an unbounded rank would revise every row of a
 * partition for each new row, so Flink rejects it in streaming.
 */
export function bindRankedFrom(binder: QueryBinder, query: Select): RankedFrom | undefined {
  for (const item of query.items) {
    if (item.kind !== 'expr') continue;
    visitExpr(item.expr, (node) => {
      if (isRankingCall(node)) {
        const name = node.name.name.toUpperCase();
        binder.unsupported(`OVER aggregation with ${name} requires a filter on the rank (Top-N), e.g. WHERE ${item.alias?.name ?? 'rn'} <= 10`, node.over.span);
      }
      return true;
    });
  }
  const ref = query.from;
  if (ref?.kind !== 'derived' || ref.columns || ref.query.kind !== 'select') return undefined;
  const inner = resolveNamedWindows(binder, ref.query);
  const rankIndex = inner.items.findIndex((item) => item.kind === 'expr' && isRankingCall(item.expr));
  if (rankIndex < 0 || !query.where) return undefined;
  const rankItem = inner.items[rankIndex] as Extract<SelectItem, { kind: 'expr' }>;
  const call = rankItem.expr as RankingCall;
  const rankName = rankItem.alias?.name ?? implicitName(call, rankIndex);
  const qualifier = ref.alias?.name ?? '';
  const isRankColumn = (expr: Expr): boolean => expr.kind === 'identifier' && expr.parts[expr.parts.length - 1].name === rankName && (expr.parts.length === 1 || expr.parts[0].name === qualifier);
  const filter = splitRankFilter(binder, query.where, isRankColumn);
  if (filter.rankEnd === undefined) return undefined;
  if (filter.rankEnd < 1) binder.unsupported('a Top-N rank filter must keep at least rank 1', query.where.span);

  if (!inner.from || inner.distinct || isAggregateSelect(inner)) return binder.unsupported('Top-N over an aggregating or DISTINCT query is not supported yet', call.span);
  if (call.args.length > 0) binder.unsupported(`${call.name.name.toUpperCase()} takes no arguments`, call.span);
  if (call.over.orderBy.length === 0) binder.unsupported(`${call.name.name.toUpperCase()} requires ORDER BY in its OVER clause`, call.over.span);
  if (call.over.frame) binder.unsupported('a ranking function takes no window frame', call.over.span);
  const from = windowedInput(binder, binder.tableRef(inner.from), inner.from.span);

  // A calc computes the subquery's columns, then the PARTITION BY and ORDER BY values not among them.
  const exprBinder = binder.expressionBinder(from);
  const where = inner.where ? binder.bindCondition(exprBinder, inner.where, 'WHERE') : null;
  const projection: PlanExpr[] = [];
  const fields: PlanField[] = [];
  let rankPosition = 0;
  for (const item of inner.items) {
    if (item === rankItem) rankPosition = fields.length;
    else binder.selectItem(item, exprBinder, from, projection, fields);
  }
  const visible = fields.length;
  const columnOf = (expr: Expr): number => {
    const bound = exprBinder.bind(expr);
    const key = JSON.stringify(bound);
    const existing = projection.findIndex((p) => JSON.stringify(p) === key);
    if (existing >= 0) return existing;
    const time = bound.kind === 'input' ? from.relation.fields[bound.index].time : undefined;
    fields.push(time ? { name: `$${projection.length}`, type: bound.type, time } : { name: `$${projection.length}`, type: bound.type });
    return projection.push(bound) - 1;
  };
  const keys = call.over.partitionBy.map(columnOf);
  const sortKeys: SortKey[] = call.over.orderBy.map((order) => ({ index: columnOf(order.expr), descending: order.descending, nullsFirst: !order.descending }));
  const calcId = binder.builder.add('calc', { projection, filter: where, fields }, [from.relation.nodeId]);

  const outputRankNumber = referencesRank(query, filter.rest, qualifier, isRankColumn);
  const rankType = call.name.name.toUpperCase() as RankType;
  const time = fields[sortKeys[0].index].time;
  const rankField: PlanField = { name: rankName, type: { kind: 'BIGINT', nullable: false } };
  // Partitioned by the window columns of a windowed input: a window Top-N or deduplication.
  let nodeId = bindWindowRank(binder, { calcId, fields, rankType, keys, sortKeys, rankEnd: filter.rankEnd, outputRankNumber, rankField, span: call.over.span });
  if (nodeId === undefined && rankType === 'ROW_NUMBER' && filter.rankEnd === 1 && !outputRankNumber && sortKeys.length === 1 && time) {
    nodeId = binder.builder.add('deduplicate', { keys, keepLast: sortKeys[0].descending, timeIndex: sortKeys[0].index, timeAttribute: time, fields, generateUpdateBefore: true }, [calcId]);
  } else if (nodeId === undefined) {
    const rankFields = outputRankNumber ? [...fields, rankField] : fields;
    nodeId = binder.builder.add('rank', { rankType, keys, sortKeys, rankEnd: filter.rankEnd, outputRankNumber, fields: rankFields, inputHasUpdates: false, generateUpdateBefore: true }, [calcId]);
  }

  // The subquery's columns in their order, the rank column where it was selected (when anything reads it).
  const outIndexes = fields.slice(0, visible).map((_, i) => i);
  if (outputRankNumber) outIndexes.splice(rankPosition, 0, fields.length);
  const nodeFields = outputRankNumber ? [...fields, rankField] : fields;
  const outFields = outIndexes.map((i) => nodeFields[i]);
  const outId = binder.builder.add('calc', { projection: outIndexes.map((i): PlanExpr => ({ kind: 'input', index: i, type: nodeFields[i].type })), filter: null, fields: outFields }, [nodeId]);
  return { from: { relation: { nodeId: outId, fields: outFields }, qualifier }, query: { ...query, where: filter.rest } };
}

/** The outer WHERE split into the rank range it sets (`rn <= N`, `rn < N`, `rn = 1`, `rn BETWEEN 1 AND N`) and the other conjuncts. */
function splitRankFilter(binder: QueryBinder, where: Expr, isRankColumn: (expr: Expr) => boolean): { rankEnd?: number; rest?: Expr } {
  let rankEnd: number | undefined;
  const rest: Expr[] = [];
  const bound = (start: number, end: number, span: Expr['span']): void => {
    if (start > 1) binder.unsupported('a Top-N rank range must start at rank 1', span);
    rankEnd = rankEnd === undefined ? end : Math.min(rankEnd, end);
  };
  for (const conjunct of conjunctsOf(where)) {
    if (conjunct.kind === 'between' && !conjunct.negated && isRankColumn(conjunct.operand)) {
      const low = integerLiteral(conjunct.low);
      const high = integerLiteral(conjunct.high);
      if (low !== undefined && high !== undefined) {
        bound(low, high, conjunct.span);
        continue;
      }
    }
    if (conjunct.kind === 'binary') {
      const flipped = isRankColumn(conjunct.right) ? FLIP[conjunct.op] : conjunct.op;
      const value = integerLiteral(isRankColumn(conjunct.right) ? conjunct.left : conjunct.right);
      const column = isRankColumn(conjunct.right) || isRankColumn(conjunct.left);
      if (column && value !== undefined && (flipped === '<=' || flipped === '<' || flipped === '=')) {
        bound(flipped === '=' ? value : 1, flipped === '<' ? value - 1 : value, conjunct.span);
        continue;
      }
    }
    rest.push(conjunct);
  }
  return { rankEnd, rest: rest.length === 0 ? undefined : rest.reduce((left, right) => ({ kind: 'binary', op: 'AND', left, right, span: joinSpans(left.span, right.span) })) };
}

const FLIP: Partial<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };

function conjunctsOf(expr: Expr): Expr[] {
  return expr.kind === 'binary' && expr.op === 'AND' ? [...conjunctsOf(expr.left), ...conjunctsOf(expr.right)] : [expr];
}

function integerLiteral(expr: Expr): number | undefined {
  return expr.kind === 'number' && /^\d+$/.test(expr.text) ? Number(expr.text) : undefined;
}

/** Whether the outer query reads the rank column (a `*` over the subquery does). */
function referencesRank(query: Select, rest: Expr | undefined, qualifier: string, isRankColumn: (expr: Expr) => boolean): boolean {
  if (query.items.some((item) => item.kind === 'star' && (item.qualifier.length === 0 || item.qualifier[item.qualifier.length - 1].name === qualifier))) return true;
  const exprs = [...query.items.flatMap((item) => (item.kind === 'expr' ? [item.expr] : [])), ...(rest ? [rest] : []), ...query.groupBy, ...(query.having ? [query.having] : [])];
  let found = false;
  for (const expr of exprs) visitExpr(expr, (node) => {
    if (isRankColumn(node)) found = true;
    return !found;
  });
  return found;
}
