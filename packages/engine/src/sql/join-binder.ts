import type { PlanExpr, PlanField } from '../plan/plan-expr';
import { andAll, conjuncts } from '../plan/plan-expr';
import { equiJoinPair } from '../plan/join-filter-push-down';
import type { TableRef } from './ast';
import { withNullability } from './data-type';
import type { FromItem } from './bound-relation';
import type { QueryBinder } from './query-binder';

/**
 * `a [INNER | LEFT | RIGHT | FULL] JOIN b ON ...`, `a CROSS JOIN b` and `a, b` as a regular join: the ON condition's
 * `left column = right column` conjuncts become the join keys (the hash exchange of both inputs),
 * the rest is evaluated on each joined row. Columns keep the qualifier of their table. Time
 * attributes do not survive a regular join (Flink materializes them).
 */
export function bindJoin(binder: QueryBinder, ref: Extract<TableRef, { kind: 'join' }>): FromItem {
  const joinType = ref.joinType === 'CROSS' || ref.joinType === 'COMMA' ? 'INNER' : ref.joinType;
  const left = binder.tableRef(ref.left);
  const right = binder.tableRef(ref.right);
  if (left.relation.window || right.relation.window) return binder.unsupported('joins of window table functions (window joins) are not supported yet', ref.span);
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
  const nodeId = binder.builder.add('join', {
    joinType, leftKeys, rightKeys, condition: andAll(rest), leftWidth, fields, leftHasUpdates: false, rightHasUpdates: false,
  }, [left.relation.nodeId, right.relation.nodeId]);
  return { ...joined, relation: { nodeId, fields } };
}
