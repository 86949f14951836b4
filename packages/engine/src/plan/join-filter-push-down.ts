import type { LogicalNode, LogicalPlan } from './logical-plan';
import { intervalBounds, joinEventTimeColumns } from './interval-bounds';
import { andAll, conjuncts, type PlanExpr } from './plan-expr';
import { isJoinable, windowJoinConfig, windowKeyPairs } from './window-join-keys';

/**
 * Calcite's FilterJoinRule for inner joins: a filter right above an inner join (the WHERE of
 * `FROM a, b WHERE a.id = b.aid`) moves into the join, and its `left column = right column`
 * conjuncts become join keys, so the join hashes on them instead of crossing both inputs. With
 * bounds between two rowtime attributes as well, the join becomes an interval join; with
 * equalities of both window columns of windowed inputs, a window join.
 */
export function pushFiltersIntoJoins(plan: LogicalPlan): LogicalPlan {
  const nodes = plan.nodes.map((n) => structuredClone(n));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const calc of nodes) {
    if (calc.kind !== 'calc' || !calc.config.filter) continue;
    const join = byId.get(calc.inputs[0]) as LogicalNode;
    if (join.kind !== 'join' || join.config.joinType !== 'INNER' || nodes.filter((n) => n.inputs.includes(join.id)).length !== 1) continue;
    const rest: PlanExpr[] = join.config.condition ? [join.config.condition] : [];
    for (const conjunct of conjuncts(calc.config.filter)) {
      const pair = equiJoinPair(conjunct, join.config.leftWidth);
      if (pair) {
        join.config.leftKeys.push(pair[0]);
        join.config.rightKeys.push(pair[1]);
      } else {
        rest.push(conjunct);
      }
    }
    calc.config.filter = null;
    // Equalities of both window columns make it a window join, as they would in ON.
    const pairs = windowKeyPairs((id) => byId.get(id) as LogicalNode, join.inputs[0], join.inputs[1], join.config.leftKeys, join.config.rightKeys);
    if (pairs && isJoinable(pairs)) {
      const windowJoin: LogicalNode = { id: join.id, kind: 'window_join', inputs: join.inputs, config: windowJoinConfig(pairs, { ...join.config, condition: andAll(rest) }) };
      nodes[nodes.indexOf(join)] = windowJoin;
      byId.set(join.id, windowJoin);
      continue;
    }
    // Time bounds that came with the WHERE make it an interval join, as they would in ON.
    const leftFields = (byId.get(join.inputs[0]) as LogicalNode).config.fields;
    const rightFields = (byId.get(join.inputs[1]) as LogicalNode).config.fields;
    const isTime = joinEventTimeColumns((id) => byId.get(id) as LogicalNode, join.inputs[0], join.inputs[1], leftFields, rightFields);
    const interval = join.config.leftKeys.length > 0 ? intervalBounds(rest, leftFields, rightFields, isTime) : undefined;
    if (!interval) {
      join.config.condition = andAll(rest);
      continue;
    }
    const { leftKeys, rightKeys, leftWidth } = join.config;
    const { rest: remaining, ...bounds } = interval;
    const node: LogicalNode = {
      id: join.id, kind: 'interval_join', inputs: join.inputs,
      config: { joinType: 'INNER', leftKeys, rightKeys, ...bounds, condition: andAll(remaining), leftWidth, fields: [...leftFields, ...rightFields] },
    };
    nodes[nodes.indexOf(join)] = node;
    byId.set(join.id, node);
  }
  return { ...plan, nodes };
}

/** `left.a = right.b` (either order) over plain columns: a join key pair [left index, right index]. */
export function equiJoinPair(expr: PlanExpr, leftWidth: number): [number, number] | undefined {
  if (expr.kind !== 'call' || expr.op !== 'eq') return undefined;
  const [a, b] = expr.args;
  if (a.kind !== 'input' || b.kind !== 'input') return undefined;
  if (a.index < leftWidth && b.index >= leftWidth) return [a.index, b.index - leftWidth];
  if (b.index < leftWidth && a.index >= leftWidth) return [b.index, a.index - leftWidth];
  return undefined;
}
