import type { Row, RowBatch, RowKinds } from './row';

/** A string or number hash that is stable across runs and processes (unlike object identity). */
export function hashValue(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) return Math.imul(value ^ (value >>> 16), 0x45d9f3b) >>> 0;
    return hashString(String(value));
  }
  if (typeof value === 'string') return hashString(value);
  if (typeof value === 'boolean') return value ? 1231 : 1237;
  return hashString(JSON.stringify(value));
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The subtask of `parallelism` that owns a row, by the hash of its key columns. */
export function targetOf(row: Row, keys: readonly number[], parallelism: number): number {
  let h = 17;
  for (let k = 0; k < keys.length; k++) h = Math.imul(h, 31) + hashValue(row[keys[k]]);
  return (h >>> 0) % parallelism;
}

/** Splits a batch (and its kinds) by target subtask; the parts keep input order. */
export function partitionByHash(batch: RowBatch, kinds: RowKinds | undefined, keys: readonly number[], parallelism: number): { rows: RowBatch; kinds?: RowKinds }[] {
  const parts: { rows: RowBatch; kinds?: RowKinds }[] = [];
  for (let i = 0; i < parallelism; i++) parts.push(kinds ? { rows: [], kinds: [] } : { rows: [] });
  for (let i = 0; i < batch.length; i++) {
    const part = parts[targetOf(batch[i], keys, parallelism)];
    part.rows.push(batch[i]);
    if (kinds) (part.kinds as RowKinds).push(kinds[i]);
  }
  return parts;
}
