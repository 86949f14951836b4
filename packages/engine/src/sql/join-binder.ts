import type { LogicalNode } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import { andAll, conjuncts, forEachInput } from '../plan/plan-expr';
import { intervalBounds, joinEventTimeColumns } from '../plan/interval-bounds';
import { equiJoinPair } from '../plan/join-filter-push-down';
import type { Expr, TableRef } from './ast';
import { withNullability } from './data-type';
import type { FromItem } from './bound-relation';
import { BindAbort } from './expression-binder';
import type { QueryBinder } from './query-binder';
import { bindTemporalJoin } from './temporal-join-binder';
import { bindWindowJoin, windowedInput } from './window-join-binder';

/**
 * `a [INNER | LEFT | RIGHT | FULL] JOIN b ON ...`, `a CROSS JOIN b` and `a, b` as a regular join: the ON condition's
 * `left column = right column` conjuncts become the join keys (the hash exchange of both inputs),
 * the rest is evaluated on each joined row. Columns keep the qualifier of their table. Time
 * attributes do not survive a regular join (Flink materializes them).
 */
export function bindJoin(binder: QueryBinder, ref: Extract<TableRef, { kind: 'join' }>): FromItem {
  const joinType = ref.joinType === 'CROSS' || ref.joinType === 'COMMA' ? 'INNER' : ref.joinType;
  if (ref.right.kind === 'table' && ref.right.forSystemTimeAsOf) return bindLookupJoin(binder, ref, ref.right, ref.right.forSystemTimeAsOf);
  const tvfLeft = binder.tableRef(ref.left);
  const tvfRight = binder.tableRef(ref.right);
  const left = windowedInput(binder, tvfLeft, ref.left.span);
  const right = windowedInput(binder, tvfRight, ref.right.span);
  const qualifiers = (item: FromItem): string[] => item.relation.fields.map((_, i) => item.columnQualifiers?.[i] ?? item.qualifier);
  // The side an outer join pads with NULLs becomes nullable.
  const nullableLeft = joinType === 'RIGHT' || joinType === 'FULL';
  const nullableRight = joinType === 'LEFT' || joinType === 'FULL';
  const fields: PlanField[] = [
    ...left.relation.fields.map((f) => ({ name: f.name, type: nullableLeft ? withNullability(f.type, true) : f.type })),
    ...right.relation.fields.map((f) => ({ name: f.name, type: nullableRight ? withNullability(f.type, true) : f.type })),
  ];
  const joined: FromItem = { relation: { nodeId: '', fields }, qualifier: '', columnQualifiers: [...qualifiers(left), ...qualifiers(right)] };
  const leftWidth = left.relation.fields.length;
  const leftKeys: number[] = [];
  const rightKeys: number[] = [];
  const rest: PlanExpr[] = [];
  if (ref.on) {
    for (const conjunct of conjuncts(binder.bindCondition(binder.expressionBinder(joined), ref.on, 'ON'))) {
      const pair = equiJoinPair(conjunct, leftWidth);
      if (pair) {
        leftKeys.push(pair[0]);
        rightKeys.push(pair[1]);
      } else {
        rest.push(conjunct);
      }
    }
  }
  const windowJoin = bindWindowJoin(binder, {
    joinType, leftId: left.relation.nodeId, rightId: right.relation.nodeId, leftKeys, rightKeys, condition: andAll(rest), leftWidth, fields, span: ref.on?.span ?? ref.span,
  });
  if (windowJoin) return { ...joined, relation: { nodeId: windowJoin, fields } };
  // A comma join's window equalities are in the WHERE, which joins them in later (pushFiltersIntoJoins).
  if ((tvfLeft.relation.window || tvfRight.relation.window) && ref.joinType !== 'COMMA') return binder.unsupported('a join of window table functions must be a window join: ON L.window_start = R.window_start AND L.window_end = R.window_end', ref.span);
  const nodeOf = (id: string): LogicalNode => binder.builder.nodes.find((n) => n.id === id) as LogicalNode;
  const isTime = joinEventTimeColumns(nodeOf, left.relation.nodeId, right.relation.nodeId, left.relation.fields, right.relation.fields);
  const interval = leftKeys.length > 0 ? intervalBounds(rest, left.relation.fields, right.relation.fields, isTime) : undefined;
  if (interval) {
    // Both rowtime attributes stay time attributes: the join emits each match (or padded row) once, never revised.
    const timed: PlanField[] = fields.map((f, i) => {
      const time = i < leftWidth ? left.relation.fields[i].time : right.relation.fields[i - leftWidth].time;
      return time ? { ...f, time } : f;
    });
    const nodeId = binder.builder.add('interval_join', {
      joinType, leftKeys, rightKeys, leftTime: interval.leftTime, rightTime: interval.rightTime, lowerMs: interval.lowerMs, upperMs: interval.upperMs,
      condition: andAll(interval.rest), leftWidth, fields: timed,
    }, [left.relation.nodeId, right.relation.nodeId]);
    return { ...joined, relation: { nodeId, fields: timed } };
  }
  const nodeId = binder.builder.add('join', {
    joinType, leftKeys, rightKeys, condition: andAll(rest), leftWidth, fields, leftHasUpdates: false, rightHasUpdates: false,
  }, [left.relation.nodeId, right.relation.nodeId]);
  return { ...joined, relation: { nodeId, fields } };
}

/**
 * `a JOIN dim FOR SYSTEM_TIME AS OF a.proc_time [AS d] ON ...` as a lookup join: each row of `a`
 * looks up the rows of `dim` whose columns equal the ON condition's `dim column = expression over a`
 * conjuncts; the rest of ON filters the joined rows. The dimension table is not scanned, so its
 * rows join as they are when the lookup happens (processing time). AS OF a rowtime attribute is an
 * event-time temporal join instead (`temporal-join-binder.ts`).
 */
function bindLookupJoin(binder: QueryBinder, ref: Extract<TableRef, { kind: 'join' }>, dimRef: Extract<TableRef, { kind: 'table' }>, asOf: Expr): FromItem {
  if (ref.joinType !== 'INNER' && ref.joinType !== 'LEFT') return binder.unsupported(`${ref.joinType} joins with FOR SYSTEM_TIME AS OF (lookup and temporal joins) are not supported; Flink supports INNER and LEFT`, ref.span);
  const left = binder.tableRef(ref.left);
  const time = binder.expressionBinder(left).bind(asOf);
  const attribute = time.kind === 'input' ? left.relation.fields[time.index].time : undefined;
  if (attribute === 'rowtime' && time.kind === 'input') return bindTemporalJoin(binder, ref, dimRef, left, time.index);
  if (attribute !== 'proctime') {
    binder.diagnostics.error('TEMPORAL_JOIN_INVALID', "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field", asOf.span);
    throw new BindAbort();
  }
  const name = dimRef.name[dimRef.name.length - 1];
  const entry = binder.catalog.lookup(dimRef.name);
  if (entry?.kind !== 'table') return binder.unsupported(`FOR SYSTEM_TIME AS OF needs a table declared with CREATE TABLE; '${name.name}' is ${entry ? 'a view' : 'not one'}`, name.span);
  if (!entry.valid) throw new BindAbort();
  const columns = entry.columns.filter((c) => c.kind !== 'computed');
  const nullableDim = ref.joinType === 'LEFT';
  const dimFields: PlanField[] = columns.map((c) => ({ name: c.name, type: c.type }));
  const fields: PlanField[] = [...left.relation.fields, ...dimFields.map((f) => ({ name: f.name, type: nullableDim ? withNullability(f.type, true) : f.type }))];
  const leftWidth = left.relation.fields.length;
  const qualifier = dimRef.alias?.name ?? name.name;
  const columnQualifiers = [...left.relation.fields.map((_, i) => left.columnQualifiers?.[i] ?? left.qualifier), ...dimFields.map(() => qualifier)];
  const joined: FromItem = { relation: { nodeId: '', fields }, qualifier: '', columnQualifiers };
  const dimKeys: number[] = [];
  const keyExprs: PlanExpr[] = [];
  const rest: PlanExpr[] = [];
  const onLeftOnly = (expr: PlanExpr): boolean => {
    let only = true;
    forEachInput(expr, (index) => { if (index >= leftWidth) only = false; });
    return only;
  };
  if (ref.on) {
    for (const conjunct of conjuncts(binder.bindCondition(binder.expressionBinder(joined), ref.on, 'ON'))) {
      const [a, b] = conjunct.kind === 'call' && conjunct.op === 'eq' ? conjunct.args : [];
      const dimSide = a?.kind === 'input' && a.index >= leftWidth && onLeftOnly(b) ? [a.index, b] as const
        : b?.kind === 'input' && b.index >= leftWidth && onLeftOnly(a) ? [b.index, a] as const : undefined;
      if (dimSide && !dimKeys.includes(dimSide[0] - leftWidth)) {
        dimKeys.push(dimSide[0] - leftWidth);
        keyExprs.push(dimSide[1]);
      } else {
        rest.push(conjunct);
      }
    }
  }
  if (dimKeys.length === 0) {
    binder.diagnostics.error('TEMPORAL_JOIN_INVALID', `Temporal table join requires an equality condition on fields of table [default_catalog.default_database.${name.name}].`, ref.on?.span ?? ref.span);
    throw new BindAbort();
  }
  const nodeId = binder.builder.add('lookup_join', {
    joinType: ref.joinType, table: entry.name, connector: entry.options.connector, options: entry.options, dimFields, dimKeys, keyExprs, condition: andAll(rest), leftWidth, fields,
  }, [left.relation.nodeId]);
  return { ...joined, relation: { nodeId, fields } };
}
