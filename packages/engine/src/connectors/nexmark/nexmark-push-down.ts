import type { PlanExpr } from '../../plan/plan-expr';

/** The column `event_type` is the first physical column (checked against the DDL). */
const EVENT_TYPE_COLUMN = 0;

function stripCast(expr: PlanExpr): PlanExpr {
  return expr.kind === 'call' && expr.op === 'cast' ? stripCast(expr.args[0]) : expr;
}

/** The event type a conjunct `event_type = n` (either side, through casts) selects, or undefined. */
export function eventTypeEquality(conjunct: PlanExpr): number | undefined {
  if (conjunct.kind !== 'call' || conjunct.op !== 'eq') return undefined;
  const [left, right] = conjunct.args.map(stripCast);
  const [column, literal] = left.kind === 'input' ? [left, right] : [right, left];
  if (column.kind !== 'input' || column.index !== EVENT_TYPE_COLUMN || literal.kind !== 'literal') return undefined;
  return typeof literal.value === 'number' && Number.isInteger(literal.value) ? literal.value : undefined;
}

/**
 * The single event type pushed-down filters select: null when they do not restrict it, -1 when
 * they contradict each other (then no event passes).
 */
export function pushedEventType(filters: readonly PlanExpr[] | undefined): number | null {
  let selected: number | null = null;
  for (const filter of filters ?? []) {
    const type = eventTypeEquality(filter);
    if (type === undefined) continue;
    selected = selected === null || selected === type ? type : -1;
  }
  return selected;
}
