import type { LogicalNode } from './logical-plan';
import type { PlanExpr, PlanField } from './plan-expr';
import { windowColumn } from './window-columns';

/** Whether column `index` of the joined row holds event time that never falls behind the watermark. */
export type EventTimeColumn = (index: number) => boolean;

/**
 * Event-time columns of a join's inputs: rowtime attributes, and the window_end of an upstream
 * event-time window. Flink counts only rowtime attributes; a window_end qualifies as well because
 * a window's rows are emitted before the watermark that fired it moves on, so no later row of that
 * input carries a window_end the watermark has passed (Nexmark q7 joins bids on one).
 */
export function joinEventTimeColumns(nodeOf: (id: string) => LogicalNode, leftId: string, rightId: string, leftFields: PlanField[], rightFields: PlanField[]): EventTimeColumn {
  const leftWidth = leftFields.length;
  return (index) => {
    const [id, column, fields] = index < leftWidth ? [leftId, index, leftFields] : [rightId, index - leftWidth, rightFields];
    if (fields[column]?.time === 'rowtime') return true;
    const window = windowColumn(nodeOf, id, column);
    return window?.property === 'end' && window.timeAttribute === 'rowtime';
  };
}

/** An event-time column plus a constant day-time interval (ms): `ts`, `ts + INTERVAL ...`, `ts - INTERVAL ...`. */
function timeOperand(expr: PlanExpr, isTime: EventTimeColumn): { index: number; offsetMs: number } | undefined {
  if (expr.kind === 'input') return isTime(expr.index) ? { index: expr.index, offsetMs: 0 } : undefined;
  if (expr.kind !== 'call' || (expr.op !== 'plus' && expr.op !== 'minus')) return undefined;
  const [column, interval] = expr.args;
  if (column.kind !== 'input' || !isTime(column.index)) return undefined;
  if (interval.kind !== 'literal' || interval.type.kind !== 'INTERVAL_DAY_TIME' || typeof interval.value !== 'number') return undefined;
  return { index: column.index, offsetMs: expr.op === 'plus' ? interval.value : -interval.value };
}

const FLIPPED: Record<string, string> = { ge: 'le', gt: 'lt', le: 'ge', lt: 'gt' };

/**
 * Flink's IntervalJoinUtil: conjuncts comparing a left and a right event-time column (each plus
 * a constant interval), such as `a.ts BETWEEN b.ts - INTERVAL '5' SECOND AND b.ts + INTERVAL '5'
 * SECOND`, bound `left time - right time`; with both a lower and an upper bound over the same pair
 * of attributes the join is an interval join. Bounds are in whole milliseconds, so `<` is `<= - 1`.
 */
export function intervalBounds(
  conjuncts: PlanExpr[],
  leftFields: PlanField[],
  rightFields: PlanField[],
  isTime: EventTimeColumn = (index) => [...leftFields, ...rightFields][index]?.time === 'rowtime',
): { leftTime: number; rightTime: number; lowerMs: number; upperMs: number; rest: PlanExpr[] } | undefined {
  const leftWidth = leftFields.length;
  let pair: [number, number] | undefined;
  let lowerMs = Number.NEGATIVE_INFINITY;
  let upperMs = Number.POSITIVE_INFINITY;
  const rest: PlanExpr[] = [];
  for (const conjunct of conjuncts) {
    const op = conjunct.kind === 'call' && conjunct.op in FLIPPED ? conjunct.op : undefined;
    const a = op && conjunct.kind === 'call' ? timeOperand(conjunct.args[0], isTime) : undefined;
    const b = op && conjunct.kind === 'call' ? timeOperand(conjunct.args[1], isTime) : undefined;
    const aLeft = a && a.index < leftWidth;
    const bLeft = b && b.index < leftWidth;
    if (!op || !a || !b || aLeft === bLeft) {
      rest.push(conjunct);
      continue;
    }
    // (l + lo) op (r + ro)  <=>  l - r op ro - lo; a right-hand left side flips the comparison.
    const [l, r, cmp] = aLeft ? [a, b, op] : [b, a, FLIPPED[op]];
    const times: [number, number] = [l.index, r.index - leftWidth];
    if (pair && (pair[0] !== times[0] || pair[1] !== times[1])) {
      rest.push(conjunct);
      continue;
    }
    pair = times;
    const c = r.offsetMs - l.offsetMs;
    if (cmp === 'ge') lowerMs = Math.max(lowerMs, c);
    else if (cmp === 'gt') lowerMs = Math.max(lowerMs, c + 1);
    else if (cmp === 'le') upperMs = Math.min(upperMs, c);
    else upperMs = Math.min(upperMs, c - 1);
  }
  if (!pair || lowerMs === Number.NEGATIVE_INFINITY || upperMs === Number.POSITIVE_INFINITY) return undefined;
  return { leftTime: pair[0], rightTime: pair[1], lowerMs, upperMs, rest };
}
