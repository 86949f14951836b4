import { EngineError } from '../errors';
import type { LogicalNode, LogicalNodeKind, LogicalPlan } from './logical-plan';
import { describeNode } from './changelog-mode';
import { mergeCalcs } from './optimize';

export type Partitioning = 'forward' | 'hash' | 'broadcast' | 'rebalance';

/** One operator inside a vertex; `id` is its logical node id, `name` as Flink's web UI shows it. */
export interface PhysicalOperator {
  id: string;
  kind: LogicalNodeKind;
  name: string;
  config: LogicalNode['config'];
  /** The row kinds the operator emits (`I`, `I,UB,UA,D`, ...). */
  changelogMode?: string;
}

export interface PhysicalVertex {
  id: string;
  /** Operator names joined by ' -> ', as Flink names a chained vertex. */
  name: string;
  parallelism: number;
  operators: PhysicalOperator[];
}

export interface PhysicalEdge {
  source: string;
  target: string;
  partitioning: Partitioning;
  /** Columns hashed to pick the target subtask of a `hash` edge (empty: everything to subtask 0). */
  keys?: number[];
  /** For a two-input operator (a join): which of its inputs the edge feeds; 0 when absent. */
  targetInput?: number;
}

/** The job as the runtime and the platform see it; plain JSON, stored and shipped as is. */
export interface PhysicalPlanJson {
  planVersion: number;
  vertices: PhysicalVertex[];
  edges: PhysicalEdge[];
  config: Record<string, string>;
}

function operatorName(node: LogicalNode): string {
  switch (node.kind) {
    case 'table_source': return `Source: ${node.config.table}`;
    case 'values': return 'Values';
    case 'table_sink': return `Sink: ${node.config.table}`;
    case 'calc': return 'Calc';
    case 'union': return 'Union';
    case 'expand': return 'Expand';
    case 'group_aggregate': return 'GroupAggregate';
    case 'local_group_aggregate': return 'LocalGroupAggregate';
    case 'global_group_aggregate': return 'GlobalGroupAggregate';
    case 'window_aggregate': return 'WindowAggregate';
    case 'window_table_function': return 'WindowTableFunction';
    case 'join': return 'Join';
    case 'interval_join': return 'IntervalJoin';
    case 'semi_join': return 'SemiJoin';
    case 'anti_join': return 'AntiJoin';
    case 'rank': return 'Rank';
    case 'deduplicate': return 'Deduplicate';
    case 'temporal_join': return `TemporalJoin(joinType=[${node.config.joinType}])`;
    case 'window_join': return `WindowJoin(joinType=[${node.config.joinType}])`;
    case 'window_rank': return 'WindowRank';
    case 'window_deduplicate': return 'WindowDeduplicate';
    case 'over_aggregate': return 'OverAggregate';
    case 'lookup_join': return `LookupJoin(table=[${node.config.table}], joinType=[${node.config.joinType}])`;
  }
}

/** Keyed operators read their input (input `index` of a join) through a hash exchange on these columns. */
function hashKeys(node: LogicalNode, index = 0): number[] | undefined {
  if (node.kind === 'group_aggregate' || node.kind === 'global_group_aggregate' || node.kind === 'window_aggregate') return node.config.keys;
  if (node.kind === 'rank' || node.kind === 'deduplicate' || node.kind === 'window_rank' || node.kind === 'window_deduplicate' || node.kind === 'over_aggregate') return node.config.keys;
  if (node.kind === 'join' || node.kind === 'interval_join' || node.kind === 'temporal_join' || node.kind === 'semi_join' || node.kind === 'anti_join' || node.kind === 'window_join') return index === 0 ? node.config.leftKeys : node.config.rightKeys;
  return undefined;
}

function positiveInt(text: string | undefined, key: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new EngineError(`'${key}' must be a positive integer, got '${text}'`, { code: 'CONFIG_INVALID', domain: 'user' });
  return value;
}

/** Parallelism of a node: its connector's own option, else the job default. */
function parallelismOf(node: LogicalNode, defaultParallelism: number, inputParallelism: number | undefined): number {
  if (node.kind === 'table_sink') return positiveInt(node.config.options['sink.parallelism'], 'sink.parallelism') ?? inputParallelism ?? defaultParallelism;
  if (node.kind === 'table_source') return positiveInt(node.config.options['scan.parallelism'], 'scan.parallelism') ?? defaultParallelism;
  if (node.kind === 'values') return 1;
  if (hashKeys(node)) return defaultParallelism;
  return inputParallelism ?? defaultParallelism;
}

/**
 * Builds the physical DAG: optimizes the logical plan, assigns parallelism, and chains each
 * operator into its input's vertex when the input has one consumer and the same parallelism
 * (a forward edge), as Flink's operator chaining does.
 */
export function buildPhysicalPlan(logical: LogicalPlan): PhysicalPlanJson {
  const plan = mergeCalcs(logical);
  const config = plan.config;
  const defaultParallelism = positiveInt(config['table.exec.resource.default-parallelism'], 'table.exec.resource.default-parallelism')
    ?? positiveInt(config['parallelism.default'], 'parallelism.default') ?? 1;
  const vertexOf = new Map<string, PhysicalVertex>();
  const parallelism = new Map<string, number>();
  const vertices: PhysicalVertex[] = [];
  const edges: PhysicalEdge[] = [];
  for (const node of plan.nodes) {
    const input = node.inputs.length === 1 ? node.inputs[0] : undefined;
    const p = parallelismOf(node, defaultParallelism, input === undefined ? undefined : parallelism.get(input));
    parallelism.set(node.id, p);
    const operator: PhysicalOperator = { id: node.id, kind: node.kind, name: operatorName(node), config: node.config, ...(node.changelogMode ? { changelogMode: node.changelogMode } : {}) };
    const consumers = plan.nodes.filter((n) => n.inputs.includes(input ?? '')).length;
    const upstream = input === undefined ? undefined : vertexOf.get(input);
    const keys = hashKeys(node);
    if (upstream && consumers === 1 && parallelism.get(input as string) === p && !keys) {
      upstream.operators.push(operator);
      upstream.name = `${upstream.name} -> ${operator.name}`;
      vertexOf.set(node.id, upstream);
      continue;
    }
    const vertex: PhysicalVertex = { id: `v${vertices.length + 1}`, name: operator.name, parallelism: p, operators: [operator] };
    vertices.push(vertex);
    vertexOf.set(node.id, vertex);
    node.inputs.forEach((inputId, index) => {
      const from = vertexOf.get(inputId) as PhysicalVertex;
      const inputKeys = hashKeys(node, index);
      const targetInput = node.inputs.length === 2 ? { targetInput: index } : {};
      if (inputKeys) edges.push({ source: from.id, target: vertex.id, partitioning: 'hash', keys: inputKeys, ...targetInput });
      else edges.push({ source: from.id, target: vertex.id, partitioning: from.parallelism === p ? 'forward' : 'rebalance' });
    });
  }
  return { planVersion: plan.planVersion, vertices, edges, config };
}

/** Human-readable plan for `weir explain`. */
export function explainPlan(plan: PhysicalPlanJson): string {
  const lines = ['== Physical Plan =='];
  for (const vertex of plan.vertices) {
    lines.push(`${vertex.id}: ${vertex.name} (parallelism ${vertex.parallelism})`);
    for (const op of vertex.operators) lines.push(`  ${op.id} ${op.kind}: ${describeOperator(op)}${op.changelogMode ? ` changelogMode=[${op.changelogMode}]` : ''}`);
  }
  lines.push('', '== Edges ==');
  if (plan.edges.length === 0) lines.push('(none: every pipeline is chained into one vertex)');
  for (const edge of plan.edges) lines.push(`${edge.source} -> ${edge.target} [${edge.partitioning.toUpperCase()}${edge.keys ? `(${edge.keys.map((k) => `$${k}`).join(', ')})` : ''}]`);
  return lines.join('\n');
}

/** An operator on one line, as `weir explain` prints it: its name and what it computes. */
export function describeOperator(op: PhysicalOperator): string {
  return `${op.name} (${operatorDetails(op)})`;
}

function operatorDetails(op: PhysicalOperator): string {
  if (op.kind === 'group_aggregate' || op.kind === 'global_group_aggregate' || op.kind === 'window_aggregate' || op.kind === 'over_aggregate') return describeNode({ id: op.id, kind: op.kind, config: op.config, inputs: [] } as LogicalNode).replace(/^\w+\(|\)$/g, '');
  const fields = `fields=[${op.config.fields.map((f) => f.name).join(', ')}]`;
  if (op.kind === 'calc' && 'filter' in op.config && op.config.filter) return `${fields}, where=yes`;
  if (op.kind !== 'calc' && 'connector' in op.config) return `connector=${op.config.connector}, ${fields}`;
  return fields;
}
