import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { ExplainEdge, ExplainGraph, ExplainVertex } from '@weir/contracts';
import { edgeLabel } from './explain-labels';

export interface PlacedVertex {
  vertex: ExplainVertex;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  edge: ExplainEdge;
  label: { text: string; x: number; y: number; width: number; height: number };
  points: { x: number; y: number }[];
}

export interface ExplainLayout {
  vertices: PlacedVertex[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/** Box geometry shared with the drawing: a header, then per operator its name and two lines of state. */
export const VERTEX_BOX = { width: 280, header: 44, operator: 48, padding: 6 } as const;
const LABEL_HEIGHT = 18;
/** Monospace at 11px: about 6.7px a character, plus the label's padding. */
const labelWidth = (text: string) => Math.ceil(text.length * 6.7) + 12;
const MARGIN = 16;

const elk = new ELK();

/** The height of a vertex box holding `operators` operators. */
export function vertexHeight(operators: number): number {
  return VERTEX_BOX.header + operators * VERTEX_BOX.operator + VERTEX_BOX.padding;
}

/**
 * Lays the plan out left to right with ELK's layered algorithm, as data flows from sources to
 * sinks; edge labels take part in the layout, so ELK keeps room for them between the layers.
 */
export async function layoutExplain(graph: ExplainGraph): Promise<ExplainLayout> {
  const edges = graph.edges.map((edge, i) => ({ id: `e${i}`, edge, text: edgeLabel(edge, graph) }));
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
    },
    children: graph.vertices.map((v) => ({ id: v.id, width: VERTEX_BOX.width, height: vertexHeight(v.operators.length) })),
    edges: edges.map(({ id, edge, text }): ElkExtendedEdge => ({
      id,
      sources: [edge.source],
      targets: [edge.target],
      labels: [{ id: `${id}-label`, text, width: labelWidth(text), height: LABEL_HEIGHT }],
    })),
  };
  const laid = await elk.layout(input);
  const placed = new Map((laid.children ?? []).map((c) => [c.id, c]));
  const routes = new Map(((laid.edges ?? []) as ElkExtendedEdge[]).map((e) => [e.id, e]));
  return {
    vertices: graph.vertices.map((vertex) => ({
      vertex,
      x: (placed.get(vertex.id)?.x ?? 0) + MARGIN,
      y: (placed.get(vertex.id)?.y ?? 0) + MARGIN,
      width: VERTEX_BOX.width,
      height: vertexHeight(vertex.operators.length),
    })),
    edges: edges.map(({ id, edge, text }) => {
      const route = routes.get(id);
      const label = route?.labels?.[0];
      return {
        id,
        edge,
        label: { text, x: (label?.x ?? 0) + MARGIN, y: (label?.y ?? 0) + MARGIN, width: label?.width ?? labelWidth(text), height: LABEL_HEIGHT },
        points: (route?.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map((p) => ({ x: p.x + MARGIN, y: p.y + MARGIN })),
      };
    }),
    width: (laid.width ?? 0) + 2 * MARGIN,
    height: (laid.height ?? 0) + 2 * MARGIN,
  };
}
