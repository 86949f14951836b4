import { builtinConnectors, type ConnectorRegistry } from '../connectors/connector-registry';
import type { LogicalNodeKind } from './logical-plan';
import { operatorState, type OperatorState } from './operator-state';
import { describeOperator, type Partitioning, type PhysicalPlanJson, type PhysicalVertex } from './physical-plan';

/** One operator of a vertex as the explain picture shows it. */
export interface ExplainOperator {
  id: string;
  kind: LogicalNodeKind;
  name: string;
  /** The operator on one line, as `weir explain` prints it. */
  description: string;
  /** The row kinds it emits: `I`, `I,UA`, `I,UB,UA,D`, ... */
  changelogMode: string;
  state: OperatorState;
}

export interface ExplainVertex {
  id: string;
  name: string;
  parallelism: number;
  operators: ExplainOperator[];
}

export interface ExplainEdge {
  source: string;
  target: string;
  partitioning: Partitioning;
  /** The hashed columns of a `hash` edge, by name in the upstream operator's output (empty otherwise, or for a hash on no key: all rows to subtask 0). */
  keys: string[];
  /** The row kinds crossing the edge: the changelog mode of the upstream vertex's last operator. */
  changelogMode: string;
  /** Which input of the target's first operator the edge feeds (1: a join's right side). */
  targetInput: number;
}

/** The physical plan as a graph to draw: vertices with their operators and state, edges with partitioning and changes. */
export interface ExplainGraph {
  vertices: ExplainVertex[];
  edges: ExplainEdge[];
}

export interface ExplainGraphOptions {
  /** The connectors the plan's tables use, for their defaults (a lookup table's cache); the built-ins by default. */
  connectors?: ConnectorRegistry;
}

/** Derives the explain picture from a physical plan: what each vertex runs, keeps and sends on. */
export function explainGraph(plan: PhysicalPlanJson, options: ExplainGraphOptions = {}): ExplainGraph {
  const connectors = options.connectors ?? builtinConnectors();
  const byId = new Map(plan.vertices.map((v) => [v.id, v]));
  const lastOf = (vertex: PhysicalVertex | undefined) => vertex?.operators[vertex.operators.length - 1];
  const modeOf = (vertex: PhysicalVertex | undefined, at: number): string => {
    for (let i = at; i >= 0; i--) {
      const mode = vertex?.operators[i]?.changelogMode;
      if (mode) return mode;
    }
    return 'I';
  };
  // A vertex's first operator reads the edges into it; every later one reads the operator before it.
  const inputNames = (vertex: PhysicalVertex, at: number, input: number): string[] => {
    if (at > 0) return vertex.operators[at - 1]?.config.fields.map((f) => f.name) ?? [];
    const edge = plan.edges.find((e) => e.target === vertex.id && (e.targetInput ?? 0) === input);
    return lastOf(byId.get(edge?.source ?? ''))?.config.fields.map((f) => f.name) ?? [];
  };
  const vertices = plan.vertices.map((vertex): ExplainVertex => ({
    id: vertex.id,
    name: vertex.name,
    parallelism: vertex.parallelism,
    operators: vertex.operators.map((op, at) => ({
      id: op.id,
      kind: op.kind,
      name: op.name,
      description: describeOperator(op),
      changelogMode: modeOf(vertex, at),
      state: operatorState(op, { inputNames: (input) => inputNames(vertex, at, input), config: plan.config, connectors }),
    })),
  }));
  const edges = plan.edges.map((edge): ExplainEdge => {
    const source = byId.get(edge.source);
    const fields = lastOf(source)?.config.fields ?? [];
    return {
      source: edge.source,
      target: edge.target,
      partitioning: edge.partitioning,
      keys: (edge.keys ?? []).map((k) => fields[k]?.name ?? `$${k}`),
      changelogMode: modeOf(source, (source?.operators.length ?? 0) - 1),
      targetInput: edge.targetInput ?? 0,
    };
  });
  return { vertices, edges };
}
