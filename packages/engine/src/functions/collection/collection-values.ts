import { EngineError } from '../../errors';

/** A key under which equal SQL values (numbers, strings, arrays, maps, rows, bytes) collide. */
export function valueKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? `s${value}` : `${typeof value}:${String(value)}`;
  if (value instanceof Map) return `m{${[...value.entries()].map(([k, v]) => `${valueKey(k)}=${valueKey(v)}`).sort().join(',')}}`;
  if (value instanceof Uint8Array) return `b${Buffer.from(value).toString('hex')}`;
  return `a[${(value as unknown[]).map(valueKey).join(',')}]`;
}

/** SQL equality of two values, NULL equal to NULL (as collection functions compare elements). */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && valueKey(a) === valueKey(b));
}

/** Elements without duplicates, first occurrences kept in order. */
export function distinct(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = valueKey(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Compares two non-null values of one type. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** ELEMENT: the sole element, NULL for an empty array, an error for more than one. */
export function element(values: unknown[]): unknown {
  if (values.length > 1) throw new EngineError('ELEMENT of an array with more than one element', { code: 'ELEMENT_MULTIPLE', domain: 'user' });
  return values.length === 0 ? null : values[0];
}

/** ARRAY_SLICE with Flink's 1-based, negative-from-the-end offsets. */
export function arraySlice(values: unknown[], start: number, end: number = values.length): unknown[] {
  const n = values.length;
  const from = start === 0 ? 1 : start < 0 ? n + start + 1 : start;
  const to = end === 0 ? 1 : end < 0 ? n + end + 1 : end;
  if (n === 0 || from > to || from > n || to < 1) return [];
  return values.slice(Math.max(from, 1) - 1, Math.min(to, n));
}

/** ARRAY_SORT: ascending with NULLs first by default; descending puts NULLs last unless told. */
export function arraySort(values: unknown[], ascending = true, nullsFirst: boolean = ascending): unknown[] {
  const nulls = values.filter((v) => v === null);
  const rest = values.filter((v) => v !== null).sort((a, b) => (ascending ? compareValues(a, b) : compareValues(b, a)));
  return nullsFirst ? [...nulls, ...rest] : [...rest, ...nulls];
}
