import type { LogicalNode, LogicalPlan } from './logical-plan';

/**
 * Sub-plan reuse (Flink's `table.optimizer.reuse-sub-plan-enabled` and `reuse-source-enabled`):
 * nodes of the same kind with equal configs over the same inputs are computed once, so a view or
 * table read twice (Nexmark q5 reads `bid` twice) is scanned and computed once. Sinks are never
 * merged.
 */
export function reuseCommonNodes(plan: LogicalPlan): LogicalPlan {
  const replacement = new Map<string, string>();
  const seen = new Map<string, string>();
  const nodes: LogicalNode[] = [];
  for (const node of plan.nodes) {
    const inputs = node.inputs.map((id) => replacement.get(id) ?? id);
    const rewritten = { ...node, inputs } as LogicalNode;
    if (node.kind !== 'table_sink') {
      const key = `${node.kind}|${inputs.join(',')}|${JSON.stringify(node.config)}`;
      const existing = seen.get(key);
      if (existing !== undefined) {
        replacement.set(node.id, existing);
        continue;
      }
      seen.set(key, node.id);
    }
    nodes.push(rewritten);
  }
  return { ...plan, nodes };
}
