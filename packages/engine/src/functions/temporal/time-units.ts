import { MS_PER_DAY } from '../../runtime/temporal';

/** Milliseconds of the fixed-length units. */
export const UNIT_MS: Record<string, number> = { WEEK: 7 * MS_PER_DAY, DAY: MS_PER_DAY, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, MILLISECOND: 1, MICROSECOND: 0.001, NANOSECOND: 0.000001 };

/** Months of the month-based units. */
export const UNIT_MONTHS: Record<string, number> = { MILLENNIUM: 12000, CENTURY: 1200, DECADE: 120, YEAR: 12, QUARTER: 3, MONTH: 1 };

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Rounds epoch milliseconds down to a unit (weeks start on Sunday, as in Calcite). */
export function floorTimestamp(ms: number, unit: string): number {
  const months = UNIT_MONTHS[unit];
  if (months !== undefined) {
    const d = new Date(ms);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth();
    switch (unit) {
      case 'MONTH': return Date.UTC(year, month, 1);
      case 'QUARTER': return Date.UTC(year, month - (month % 3), 1);
      case 'YEAR': return Date.UTC(year, 0, 1);
      case 'DECADE': return Date.UTC(floorDiv(year, 10) * 10, 0, 1);
      // Centuries and millennia start at years ending in 1 (2001), as in Calcite.
      default: return Date.UTC(floorDiv(year - 1, months / 12) * (months / 12) + 1, 0, 1);
    }
  }
  if (unit === 'WEEK') {
    // Epoch day 0 was a Thursday; Sunday-based weeks start 4 days earlier.
    const day = floorDiv(ms, MS_PER_DAY);
    return (day - ((day + 4) % 7 + 7) % 7) * MS_PER_DAY;
  }
  const size = UNIT_MS[unit] ?? 1;
  return size < 1 ? ms : floorDiv(ms, size) * size;
}

/** Rounds epoch milliseconds up to a unit. */
export function ceilTimestamp(ms: number, unit: string): number {
  const floor = floorTimestamp(ms, unit);
  if (floor === ms) return ms;
  const months = UNIT_MONTHS[unit];
  if (months !== undefined) {
    const d = new Date(floor);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  }
  return floor + (UNIT_MS[unit] ?? 1);
}

/** Adds months to epoch milliseconds, clamping the day to the target month's length. */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime();
}
