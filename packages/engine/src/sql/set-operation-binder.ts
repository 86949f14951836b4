import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Query } from './ast';
import { commonType, formatType, sameType, withNullability } from './data-type';
import { BindAbort, cast } from './expression-binder';
import { distinctRelation } from './aggregate-binder';
import type { BoundRelation } from './bound-relation';
import type { QueryBinder } from './query-binder';

/**
 * UNION ALL as a `union` node and UNION as UNION ALL plus DISTINCT, as Flink plans them.
 * INTERSECT and EXCEPT need semi and anti joins (Flink rewrites them so), which come with joins.
 */
export function bindSetOperation(binder: QueryBinder, query: Extract<Query, { kind: 'setOp' }>): BoundRelation {
  const name = `${query.op}${query.all ? ' ALL' : ''}`;
  if (query.op !== 'UNION') return binder.unsupported(`${name} is not supported yet`, query.span);
  const left = binder.query(query.left);
  const right = binder.query(query.right);
  if (left.fields.length !== right.fields.length) {
    binder.diagnostics.error('COLUMN_COUNT_MISMATCH', `the inputs of ${name} have ${left.fields.length} and ${right.fields.length} columns`, query.span);
    throw new BindAbort();
  }
  const fields: PlanField[] = [];
  for (let i = 0; i < left.fields.length; i++) {
    const a = left.fields[i].type;
    const b = right.fields[i].type;
    const common = sameType(a, b) ? a : sameType(withNullability(a, true), withNullability(b, true)) ? withNullability(a, true) : commonType(a, b);
    if (!common) {
      binder.diagnostics.error('TYPE_MISMATCH', `column ${i + 1} of ${name} has types ${formatType(a)} and ${formatType(b)} with no common type`, query.span);
      throw new BindAbort();
    }
    // A time attribute stays one through UNION ALL when both inputs have it (Flink unions watermarks).
    const time = query.all && left.fields[i].time === right.fields[i].time ? left.fields[i].time : undefined;
    fields.push(time ? { name: left.fields[i].name, type: common, time } : { name: left.fields[i].name, type: common });
  }
  const inputs = [left, right].map((side) => castTo(binder, side, fields));
  const union: BoundRelation = { nodeId: binder.builder.add('union', { fields }, inputs), fields };
  return query.all ? union : distinctRelation(binder, union);
}

/** A calc casting a relation to the given column types, or the relation itself when they match. */
function castTo(binder: QueryBinder, relation: BoundRelation, fields: PlanField[]): string {
  if (relation.fields.every((f, i) => sameType(f.type, fields[i].type))) return relation.nodeId;
  const projection = relation.fields.map((f, i): PlanExpr => cast({ kind: 'input', index: i, type: f.type }, fields[i].type));
  return binder.builder.add('calc', { projection, filter: null, fields }, [relation.nodeId]);
}
