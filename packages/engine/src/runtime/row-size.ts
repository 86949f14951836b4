import type { RowBatch } from './row';

/** Rows of a batch whose size is estimated; the batch is charged their mean size per row. */
const SAMPLED_ROWS = 4;

/**
 * Estimated serialized size of a value, bytes: numbers 8, strings their length, booleans and
 * NULL 1, binary its byte length, rows, arrays and maps the sum of their parts.
 */
export function estimateValueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return 8;
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (Array.isArray(value)) {
    let sum = 0;
    for (let i = 0; i < value.length; i++) sum += estimateValueBytes(value[i]);
    return sum;
  }
  if (value instanceof Map) {
    let sum = 0;
    for (const [key, item] of value) sum += estimateValueBytes(key) + estimateValueBytes(item);
    return sum;
  }
  if (ArrayBuffer.isView(value)) return value.byteLength;
  return 8;
}

/**
 * Estimated size of a batch, bytes: the mean of up to SAMPLED_ROWS evenly spaced rows times the
 * row count, so the cost stays per batch rather than per row (rows of one stream share a schema).
 */
export function estimateBatchBytes(batch: RowBatch): number {
  const count = batch.length;
  if (count === 0) return 0;
  const samples = Math.min(SAMPLED_ROWS, count);
  const step = count / samples;
  let sum = 0;
  for (let s = 0; s < samples; s++) sum += estimateValueBytes(batch[Math.floor(s * step)]);
  return Math.round((sum / samples) * count);
}
