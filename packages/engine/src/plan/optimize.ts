import type { LogicalNode, LogicalPlan } from './logical-plan';
import { substituteInputs, type PlanExpr } from './plan-expr';

/**
 * Merges a calc into the calc feeding it when that calc has no other consumer (Calcite's
 * CalcMergeRule): the outer projection and filter are rewritten over the inner projection and the
 * filters are ANDed, inner first.
 */
export function mergeCalcs(plan: LogicalPlan): LogicalPlan {
  const nodes = new Map<string, LogicalNode>(plan.nodes.map((n) => [n.id, structuredClone(n)]));
  const consumers = (id: string): number => [...nodes.values()].filter((n) => n.inputs.includes(id)).length;
  for (const node of [...nodes.values()]) {
    if (node.kind !== 'calc') continue;
    const input = nodes.get(node.inputs[0]);
    if (input?.kind !== 'calc' || consumers(input.id) !== 1) continue;
    const inner = input.config.projection;
    const outerFilter = node.config.filter && substituteInputs(node.config.filter, inner);
    let filter: PlanExpr | null = input.config.filter ?? outerFilter;
    if (input.config.filter && outerFilter) {
      filter = { kind: 'call', op: 'and', args: [input.config.filter, outerFilter], type: { kind: 'BOOLEAN', nullable: true } };
    }
    node.config = { ...node.config, projection: node.config.projection.map((p) => substituteInputs(p, inner)), filter };
    node.inputs = input.inputs;
    nodes.delete(input.id);
  }
  return { ...plan, nodes: plan.nodes.filter((n) => nodes.has(n.id)).map((n) => nodes.get(n.id) as LogicalNode) };
}

/** Drops calcs that pass every input column through unchanged and filter nothing (Calcite's ProjectRemoveRule). */
export function removeIdentityCalcs(plan: LogicalPlan): LogicalPlan {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const replacement = new Map<string, string>();
  const nodes: LogicalNode[] = [];
  for (const node of plan.nodes) {
    const inputs = node.inputs.map((id) => replacement.get(id) ?? id);
    if (node.kind === 'calc' && node.config.filter === null && inputs.length === 1) {
      const width = (byId.get(inputs[0]) as LogicalNode).config.fields.length;
      const identity = node.config.projection.length === width && node.config.projection.every((p, i) => p.kind === 'input' && p.index === i);
      if (identity) {
        replacement.set(node.id, inputs[0]);
        continue;
      }
    }
    nodes.push({ ...node, inputs } as LogicalNode);
  }
  return { ...plan, nodes };
}
