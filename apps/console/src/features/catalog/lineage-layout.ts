import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Lineage } from '@weir/contracts';

export interface PlacedNode {
  id: string;
  kind: 'table' | 'job';
  label: string;
  detail: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  kind: 'read' | 'lookup' | 'write';
  points: { x: number; y: number }[];
}

export interface LineageLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const elk = new ELK();
const WIDTH = 200;
const HEIGHT = 48;

/** Lays lineage out left to right with ELK's layered algorithm: data flows from sources through jobs to sinks. */
export async function layoutLineage(lineage: Lineage): Promise<LineageLayout> {
  const nodes = [
    ...lineage.tables.map((t) => ({ id: `t:${t.id}`, kind: 'table' as const, label: t.name, detail: t.connector })),
    ...lineage.jobs.filter((j) => lineage.edges.some((e) => e.job === j.id)).map((j) => ({ id: `j:${j.id}`, kind: 'job' as const, label: j.name, detail: j.status ?? 'not running' })),
  ];
  const edges = lineage.edges.map((e, i) => ({ id: `e${i}`, kind: e.kind, sources: [e.kind === 'write' ? `j:${e.job}` : `t:${e.table}`], targets: [e.kind === 'write' ? `t:${e.table}` : `j:${e.job}`] }));
  const input: ElkNode = {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '24', 'elk.layered.spacing.nodeNodeBetweenLayers': '64', 'elk.edgeRouting': 'SPLINES' },
    children: nodes.map((n) => ({ id: n.id, width: WIDTH, height: HEIGHT })),
    edges: edges.map(({ id, sources, targets }): ElkExtendedEdge => ({ id, sources, targets })),
  };
  const graph = await elk.layout(input);
  const placed = new Map((graph.children ?? []).map((c) => [c.id, c]));
  return {
    nodes: nodes.map((n) => ({ ...n, x: placed.get(n.id)?.x ?? 0, y: placed.get(n.id)?.y ?? 0, width: WIDTH, height: HEIGHT })),
    edges: ((graph.edges ?? []) as ElkExtendedEdge[]).map((e, i) => ({
      id: e.id,
      kind: edges[i]?.kind ?? 'read',
      points: (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
    })),
    width: (graph.width ?? 0) + 16,
    height: (graph.height ?? 0) + 16,
  };
}
