import type { PlanExpr } from '../../plan/plan-expr';

/** The column `event_type` is the first physical column (checked against the DDL). */
const EVENT_TYPE_COLUMN = 0;
/** Column of each event type's ROW (person 1, auction 2, bid 3) and the index of `extra` in it. */
const ROW_COLUMN_OF_TYPE = [1, 2, 3];
const EXTRA_FIELD = [7, 9, 6];

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

/**
 * Whether any `extra` field is read: of the event types that can pass, one whose ROW column is
 * emitted and read whole or through its `extra` field. Unread, it is never generated (it is each
 * event's last draw, so the other fields stay the same).
 */
export function readsExtra(eventType: number | null, projection: readonly number[] | undefined, nestedFields: Record<string, number[]> | undefined): boolean {
  return ROW_COLUMN_OF_TYPE.some((column, type) => {
    if (eventType !== null && eventType !== type) return false;
    if (projection && !projection.includes(column)) return false;
    const read = nestedFields?.[column];
    return read === undefined || read.includes(EXTRA_FIELD[type]);
  });
}
