import type { InferredColumn } from '@weir/contracts';

/** A Flink type being widened over sampled values; `unknown` until a non-null value is seen. */
type Shape =
  | { kind: 'unknown' }
  | { kind: 'scalar'; type: Scalar }
  | { kind: 'array'; element: Shape }
  | { kind: 'row'; fields: Map<string, { shape: Shape; nullable: boolean }> };

type Scalar = 'BOOLEAN' | 'INT' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP(3)' | 'TIMESTAMP_LTZ(3)' | 'STRING';

/** What the timestamps of a sample look like, so the DDL can tell the json format. */
export interface InferenceNotes {
  /** Some timestamp had ISO-8601's `T` between date and time. */
  isoTimestamps: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const ZONED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Columns for records sampled from a topic, subject or file: nested objects become ROW, arrays
 * ARRAY, timestamp strings TIMESTAMP(3) or, with a zone, TIMESTAMP_LTZ(3). A column is nullable
 * when some record lacks it or holds null.
 */
export function inferColumns(records: readonly Record<string, unknown>[]): { columns: InferredColumn[]; notes: InferenceNotes } {
  const notes: InferenceNotes = { isoTimestamps: false };
  const row = new Map<string, { shape: Shape; nullable: boolean }>();
  records.forEach((record, index) => mergeRecord(row, record, index > 0, notes));
  const columns = [...row].map(([name, { shape, nullable }]) => ({ name, type: render(shape), nullable }));
  return { columns, notes };
}

function mergeRecord(fields: Map<string, { shape: Shape; nullable: boolean }>, record: Record<string, unknown>, seenBefore: boolean, notes: InferenceNotes): void {
  for (const [key, value] of Object.entries(record)) {
    const existing = fields.get(key);
    const shape = merge(existing?.shape ?? { kind: 'unknown' }, shapeOf(value, notes));
    fields.set(key, { shape, nullable: (existing?.nullable ?? seenBefore) || value === null || value === undefined });
  }
  for (const [key, entry] of fields) if (!(key in record)) entry.nullable = true;
}

function shapeOf(value: unknown, notes: InferenceNotes): Shape {
  if (value === null || value === undefined) return { kind: 'unknown' };
  if (typeof value === 'boolean') return { kind: 'scalar', type: 'BOOLEAN' };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { kind: 'scalar', type: 'DOUBLE' };
    return { kind: 'scalar', type: Math.abs(value) <= 2_147_483_647 ? 'INT' : 'BIGINT' };
  }
  if (typeof value === 'bigint') return { kind: 'scalar', type: 'BIGINT' };
  if (typeof value === 'string') {
    if (DATE.test(value)) return { kind: 'scalar', type: 'DATE' };
    const zoned = ZONED_TIMESTAMP.test(value);
    if (zoned || LOCAL_TIMESTAMP.test(value)) {
      if (value.charAt(10) === 'T') notes.isoTimestamps = true;
      return { kind: 'scalar', type: zoned ? 'TIMESTAMP_LTZ(3)' : 'TIMESTAMP(3)' };
    }
    return { kind: 'scalar', type: 'STRING' };
  }
  if (Array.isArray(value)) return { kind: 'array', element: value.reduce<Shape>((acc, item) => merge(acc, shapeOf(item, notes)), { kind: 'unknown' }) };
  if (typeof value === 'object') {
    const fields = new Map<string, { shape: Shape; nullable: boolean }>();
    mergeRecord(fields, value as Record<string, unknown>, false, notes);
    return { kind: 'row', fields };
  }
  return { kind: 'scalar', type: 'STRING' };
}

const NUMERIC: Scalar[] = ['INT', 'BIGINT', 'DOUBLE'];

/** The narrowest shape both values fit; anything that disagrees falls back to STRING. */
function merge(a: Shape, b: Shape): Shape {
  if (a.kind === 'unknown') return b;
  if (b.kind === 'unknown') return a;
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    if (a.type === b.type) return a;
    if (NUMERIC.includes(a.type) && NUMERIC.includes(b.type)) return { kind: 'scalar', type: NUMERIC[Math.max(NUMERIC.indexOf(a.type), NUMERIC.indexOf(b.type))] };
    if (a.type.startsWith('TIMESTAMP') && b.type.startsWith('TIMESTAMP')) return { kind: 'scalar', type: 'TIMESTAMP_LTZ(3)' };
    return { kind: 'scalar', type: 'STRING' };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', element: merge(a.element, b.element) };
  if (a.kind === 'row' && b.kind === 'row') {
    const fields = new Map(a.fields);
    for (const [key, entry] of b.fields) {
      const existing = fields.get(key);
      fields.set(key, existing ? { shape: merge(existing.shape, entry.shape), nullable: existing.nullable || entry.nullable } : { ...entry, nullable: true });
    }
    for (const [key, entry] of fields) if (!b.fields.has(key)) fields.set(key, { ...entry, nullable: true });
    return { kind: 'row', fields };
  }
  return { kind: 'scalar', type: 'STRING' };
}

function render(shape: Shape): string {
  switch (shape.kind) {
    case 'unknown':
      return 'STRING';
    case 'scalar':
      return shape.type;
    case 'array':
      return `ARRAY<${render(shape.element)}>`;
    case 'row':
      return `ROW<${[...shape.fields].map(([name, f]) => `${quoteIdentifier(name)} ${render(f.shape)}`).join(', ')}>`;
  }
}

/** A Flink identifier in backticks, so any key of a message can be a column. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}
