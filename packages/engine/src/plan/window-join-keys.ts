import type { LogicalNode } from './logical-plan';
import type { PlanExpr, PlanField } from './plan-expr';
import { sameWindow, windowColumn, type WindowColumn } from './window-columns';
import type { WindowJoinConfig } from './window-plan';

/** The equi-join pairs of a join that equate the window columns of its two inputs, and those columns. */
export interface WindowKeyPairs {
  /** Index of the pair equating window_start, of the one equating window_end (undefined when there is none). */
  start?: number;
  end?: number;
  left: WindowColumn;
  right: WindowColumn;
}

/** Window pairs a window join can run on: both window columns equated, both inputs windowed alike (same TVF) on event time. */
export type JoinableWindowPairs = WindowKeyPairs & { start: number; end: number };

/**
 * Finds the key pairs equating window_start (or window_end) of the left input with that of the
 * right one (Flink's WindowJoinUtil.excludeWindowStartEqualityAndEndEqualityFromWindowJoinInfoPairs);
 * undefined when no pair does.
 */
export function windowKeyPairs(nodeOf: (id: string) => LogicalNode, leftId: string, rightId: string, leftKeys: number[], rightKeys: number[]): WindowKeyPairs | undefined {
  let found: WindowKeyPairs | undefined;
  for (let i = 0; i < leftKeys.length; i++) {
    const left = windowColumn(nodeOf, leftId, leftKeys[i]);
    const right = windowColumn(nodeOf, rightId, rightKeys[i]);
    if (!left || !right || left.property !== right.property || (left.property !== 'start' && left.property !== 'end')) continue;
    found ??= { left, right };
    found[left.property] = i;
  }
  return found;
}

/** Whether a window join can run on these pairs. */
export function isJoinable(pairs: WindowKeyPairs): pairs is JoinableWindowPairs {
  return pairs.start !== undefined && pairs.end !== undefined && sameWindow(pairs.left, pairs.right) && pairs.left.timeAttribute === 'rowtime';
}

/** A join, described by its parts, as a window join: the window pairs leave the keys, window_end says the window. */
export function windowJoinConfig(
  pairs: JoinableWindowPairs,
  join: { joinType: WindowJoinConfig['joinType']; leftKeys: number[]; rightKeys: number[]; condition: PlanExpr | null; leftWidth: number; fields: PlanField[] },
): WindowJoinConfig {
  const kept = (_: number, i: number): boolean => i !== pairs.start && i !== pairs.end;
  return {
    joinType: join.joinType,
    leftKeys: join.leftKeys.filter(kept),
    rightKeys: join.rightKeys.filter(kept),
    leftWindowEnd: join.leftKeys[pairs.end],
    rightWindowEnd: join.rightKeys[pairs.end],
    condition: join.condition,
    leftWidth: join.leftWidth,
    fields: join.fields,
  };
}
