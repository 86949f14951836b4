// Window Top-N and window deduplication: a Top-N partitioned by the window_start and window_end of a windowed input.
import type { LogicalNode } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { SortKey } from '../plan/rank-plan';
import { sameWindow, windowColumn } from '../plan/window-columns';
import type { WindowRankConfig } from '../plan/window-plan';
import type { QueryBinder } from './query-binder';
import type { Span } from './span';

/** A Top-N as the rank binder recognized it, over the calc computing its columns. */
export interface RankParts {
  calcId: string;
  /** The calc's columns (the node's input). */
  fields: PlanField[];
  rankType: WindowRankConfig['rankType'];
  keys: number[];
  sortKeys: SortKey[];
  rankEnd: number;
  outputRankNumber: boolean;
  rankField: PlanField;
  /** The OVER clause, where a window Top-N Weir (like Flink) cannot run is reported. */
  span: Span;
}

/**
 * Plans a Top-N whose PARTITION BY holds the window_start and window_end of one window as a
 * `window_rank`, or as a `window_deduplicate` when it is a ROW_NUMBER kept to rank 1 and ordered
 * by the time column of the window TVF alone (Flink's WindowRank and WindowDeduplicate). Returns
 * the id of a node with the calc's columns followed by the rank when `outputRankNumber`, or
 * undefined for any other Top-N. Processing-time windows are refused, as Flink does.
 */
export function bindWindowRank(binder: QueryBinder, rank: RankParts): string | undefined {
  const nodeOf = (id: string): LogicalNode => binder.builder.nodes.find((n) => n.id === id) as LogicalNode;
  const columns = rank.keys.map((key) => windowColumn(nodeOf, rank.calcId, key));
  const start = columns.findIndex((c) => c?.property === 'start');
  const end = columns.findIndex((c) => c?.property === 'end');
  const window = columns[end];
  if (start < 0 || !window || !sameWindow(columns[start] as NonNullable<typeof window>, window)) return undefined;
  const keys = rank.keys.filter((_, i) => i !== start && i !== end);
  const windowEnd = rank.keys[end];
  const order = rank.sortKeys.length === 1 ? windowColumn(nodeOf, rank.calcId, rank.sortKeys[0].index) : undefined;
  const deduplicate = rank.rankType === 'ROW_NUMBER' && rank.rankEnd === 1 && order?.property === 'descriptor' && sameWindow(order, window);
  if (window.timeAttribute === 'proctime') return binder.unsupported(`Processing time Window ${deduplicate ? 'Deduplication' : 'TopN'} is not supported yet.`, rank.span);
  if (!deduplicate) {
    const { rankType, sortKeys, rankEnd, outputRankNumber } = rank;
    return binder.builder.add('window_rank', {
      rankType, keys, sortKeys, rankEnd, outputRankNumber, windowEnd, fields: outputRankNumber ? [...rank.fields, rank.rankField] : rank.fields,
    }, [rank.calcId]);
  }
  const { index, descending } = rank.sortKeys[0];
  const nodeId = binder.builder.add('window_deduplicate', { keys, keepLast: descending, timeIndex: index, windowEnd, fields: rank.fields }, [rank.calcId]);
  if (!rank.outputRankNumber) return nodeId;
  // The one row kept per window and key is always rank 1.
  const projection: PlanExpr[] = [...rank.fields.map((f, i): PlanExpr => ({ kind: 'input', index: i, type: f.type })), { kind: 'literal', value: 1, type: rank.rankField.type }];
  return binder.builder.add('calc', { projection, filter: null, fields: [...rank.fields, rank.rankField] }, [nodeId]);
}
