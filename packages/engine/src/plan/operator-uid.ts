import { createHash } from 'node:crypto';
import { EngineError } from '../errors';
import type { TableSourceConfig } from './logical-plan';
import type { PhysicalOperator, PhysicalPlanJson } from './physical-plan';

/**
 * A stable identity for every operator of a plan, as Flink's generated operator uids: the same SQL
 * gives the same uids whatever the operator ids, and a checkpoint's state is matched to operators
 * by them. An operator's uid covers its kind, its configuration and the uids of its inputs, so
 * changing what an operator computes, or what feeds it, makes its old state unusable, while a
 * change downstream of it (another sink) leaves it alone. A source is known by its connector and
 * table only: changed rate or options still resume from its position.
 */
export function operatorUids(plan: PhysicalPlanJson): Map<string, string> {
  const uids = new Map<string, string>();
  const vertexById = new Map(plan.vertices.map((v) => [v.id, v]));
  const resolving = new Set<string>();
  const uidOf = (vertexId: string, index: number): string => {
    const vertex = vertexById.get(vertexId);
    if (!vertex) throw new EngineError(`plan has no vertex ${vertexId}`, { code: 'PLAN_INVALID', domain: 'internal' });
    const op = vertex.operators[index];
    const known = uids.get(op.id);
    if (known !== undefined) return known;
    if (resolving.has(op.id)) throw new EngineError(`plan has a cycle through operator ${op.id}`, { code: 'PLAN_INVALID', domain: 'internal' });
    resolving.add(op.id);
    const inputs = index > 0
      ? [uidOf(vertexId, index - 1)]
      : plan.edges
        .filter((e) => e.target === vertexId)
        .sort((a, b) => (a.targetInput ?? 0) - (b.targetInput ?? 0))
        .map((e) => uidOf(e.source, (vertexById.get(e.source)?.operators.length ?? 1) - 1));
    const uid = hashOperator(op, inputs);
    uids.set(op.id, uid);
    return uid;
  };
  for (const vertex of plan.vertices) vertex.operators.forEach((_, i) => uidOf(vertex.id, i));
  return uids;
}

function hashOperator(op: PhysicalOperator, inputs: string[]): string {
  const hash = createHash('sha256').update(op.kind).update('\u0000');
  if (op.kind === 'table_source') {
    const config = op.config as TableSourceConfig;
    hash.update(config.connector).update('\u0000').update(config.table);
  } else {
    hash.update(canonicalJson(op.config));
  }
  for (const input of inputs) hash.update('\u0000').update(input);
  return hash.digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, so equal configurations hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
