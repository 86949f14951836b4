// Window joins: a join whose ON (or a correlated subquery's WHERE) equates the window columns of two windowed inputs.
import type { LogicalNode } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import { sameWindow } from '../plan/window-columns';
import { isJoinable, windowJoinConfig, windowKeyPairs } from '../plan/window-join-keys';
import type { WindowJoinConfig } from '../plan/window-plan';
import type { FromItem } from './bound-relation';
import type { QueryBinder } from './query-binder';
import type { Span } from './span';
import { materializeWindows } from './window-binder';

/** A window TVF in FROM read as a table (each row with its windows' columns); other items as they are. */
export function windowedInput(binder: QueryBinder, item: FromItem, span: Span): FromItem {
  return item.relation.window ? { ...item, relation: materializeWindows(binder, item.relation.window, span) } : item;
}

/** A join of two bound inputs, its equi-join key pairs and the rest of its condition over left ++ right. */
export interface JoinParts {
  joinType: WindowJoinConfig['joinType'];
  leftId: string;
  rightId: string;
  leftKeys: number[];
  rightKeys: number[];
  condition: PlanExpr | null;
  leftWidth: number;
  fields: PlanField[];
  /** Where to report a window join Weir (like Flink) cannot run: the ON condition or the subquery. */
  span: Span;
}

/**
 * Plans a join as a `window_join` when a key pair equates the window_start columns of both
 * inputs and another their window_end columns (Flink's WindowJoinUtil.satisfyWindowJoin); those
 * pairs leave the join keys. Undefined for any other join. Refuses, as Flink does, to join only
 * one of the two window columns, windows of different TVFs, and processing-time windows.
 */
export function bindWindowJoin(binder: QueryBinder, join: JoinParts): string | undefined {
  const nodeOf = (id: string): LogicalNode => binder.builder.nodes.find((n) => n.id === id) as LogicalNode;
  const pairs = windowKeyPairs(nodeOf, join.leftId, join.rightId, join.leftKeys, join.rightKeys);
  if (!pairs) return undefined;
  if (pairs.start === undefined || pairs.end === undefined) {
    return binder.unsupported('Currently, window join requires JOIN ON condition must contain both window starts equality of input tables and window ends equality of input tables.', join.span);
  }
  if (!sameWindow(pairs.left, pairs.right)) return binder.unsupported("Currently, window join doesn't support different window table function of left and right inputs.", join.span);
  if (!isJoinable(pairs)) return binder.unsupported('Processing time Window Join is not supported yet.', join.span);
  return binder.builder.add('window_join', windowJoinConfig(pairs, join), [join.leftId, join.rightId]);
}
