import type { ExplainEdge, ExplainGraph, OperatorState } from '@weir/contracts';
import { t } from '../i18n/t';

/** How an edge distributes rows, as Flink's web UI labels it: `HASH[bidder]`, `FORWARD`, … */
export function partitioningLabel(edge: Pick<ExplainEdge, 'partitioning' | 'keys'>): string {
  if (edge.partitioning !== 'hash') return edge.partitioning.toUpperCase();
  // A hash on no column sends every row to subtask 0, which Flink calls a GLOBAL exchange.
  return edge.keys.length === 0 ? 'GLOBAL' : `HASH[${edge.keys.join(', ')}]`;
}

/** The side of a two-input operator an edge feeds, when its target has two inputs. */
export function inputSide(edge: ExplainEdge, graph: ExplainGraph): 'left' | 'right' | null {
  const twoInputs = graph.edges.some((e) => e.target === edge.target && e.targetInput === 1);
  if (!twoInputs) return null;
  return edge.targetInput === 1 ? 'right' : 'left';
}

/** An edge's label: partitioning, the changes it carries and, into a join, which side. */
export function edgeLabel(edge: ExplainEdge, graph: ExplainGraph): string {
  const side = inputSide(edge, graph);
  return `${partitioningLabel(edge)} · ${edge.changelogMode}${side ? ` · ${t(`explain.${side}`)}` : ''}`;
}

/** A short tag for what an operator keeps. */
export function stateTag(state: OperatorState): string {
  if (state.scope === 'none') return t('explain.stateless');
  if (state.scope === 'subtask') return t('explain.perSubtask');
  return state.keys.length > 0 ? t('explain.keyedBy', { keys: state.keys.join(', ') }) : t('explain.keyedOneKey');
}

/** Cuts text to `max` characters with an ellipsis: SVG text does not wrap. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Breaks text at spaces into at most `maxLines` lines of `maxChars`; what does not fit ends the last line in an ellipsis. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let next = 0;
  while (next < words.length && lines.length < maxLines) {
    let line = words[next++] ?? '';
    while (next < words.length && `${line} ${words[next]}`.length <= maxChars) line = `${line} ${words[next++]}`;
    lines.push(line);
  }
  if (next < words.length) lines[lines.length - 1] = `${lines[lines.length - 1]} ${words.slice(next).join(' ')}`;
  return lines.map((line) => truncate(line, maxChars));
}
