import type { LogicalNode, LogicalPlan } from './logical-plan';

/**
 * Flink's local-global aggregation (`table.optimizer.agg-phase-strategy` AUTO or TWO_PHASE, with
 * mini-batch on): a local aggregate chained to the input folds each mini-batch into one partial
 * accumulator per key, so only those cross the hash exchange, where a global aggregate merges them.
 * Applied to aggregates over insert-only input.
 */
export function splitTwoPhaseAggregates(plan: LogicalPlan): LogicalPlan {
  const config = plan.config;
  const strategy = (config['table.optimizer.agg-phase-strategy'] ?? 'AUTO').toUpperCase();
  if (config['table.exec.mini-batch.enabled'] !== 'true' || strategy === 'ONE_PHASE') return plan;
  const nodes: LogicalNode[] = [];
  let nextId = Math.max(0, ...plan.nodes.map((n) => Number(n.id))) + 1;
  for (const node of plan.nodes) {
    if (node.kind !== 'group_aggregate' || node.config.inputHasUpdates) {
      nodes.push(node);
      continue;
    }
    const { keys, aggs, fields } = node.config;
    const localId = String(nextId++);
    const localFields = [...keys.map((_, i) => fields[i]), { name: '$acc', type: { kind: 'NULL', nullable: true } as const }];
    nodes.push({ id: localId, kind: 'local_group_aggregate', config: { keys, aggs, fields: localFields }, inputs: node.inputs, changelogMode: 'I' });
    nodes.push({ ...node, kind: 'global_group_aggregate', config: { ...node.config, keys: keys.map((_, i) => i) }, inputs: [localId] });
  }
  return { ...plan, nodes };
}
