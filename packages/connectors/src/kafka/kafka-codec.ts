import type { Row } from '@weir/engine';
import type { Change } from '../formats/changelog-formats';
import type { KafkaSpec } from './kafka-options';

/** A record's key and value bytes for a row (the key from `key.fields` or the PRIMARY KEY); value null for an upsert-kafka tombstone. */
export function encodeRecord(spec: KafkaSpec, row: Row, tombstone = false): { key: Buffer | null; value: Buffer | null } {
  const key = spec.keyFormat ? Buffer.from(spec.keyFormat.encode(spec.keyColumns.map((i) => row[i]))) : null;
  const value = tombstone ? null : Buffer.from(spec.valueFormat.encode(spec.valueColumns.map((i) => row[i])));
  return { key, value };
}

/** The changes a record carries as table rows: value columns from the value, key columns from the key when the value lacks them. */
export function decodeRecord(spec: KafkaSpec, width: number, key: Buffer | null, value: Buffer | null): Change[] {
  if (value === null) return [];
  const keyRow = spec.keyFormat && key ? spec.keyFormat.decode(key)[0]?.row : undefined;
  return spec.valueFormat.decode(value).map(({ kind, row: values }) => {
    const row: unknown[] = new Array(width).fill(null);
    spec.valueColumns.forEach((column, i) => (row[column] = values[i]));
    if (keyRow) spec.keyColumns.forEach((column, i) => {
      if (!spec.valueColumns.includes(column)) row[column] = keyRow[i];
    });
    return { kind, row };
  });
}
