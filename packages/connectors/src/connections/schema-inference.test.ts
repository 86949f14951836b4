import { describe, expect, it } from 'vitest';
import { inferColumns } from './schema-inference';
import { renderTableDdl } from './table-ddl';

describe('schema inference from sampled JSON', () => {
  it('maps nested objects to ROW, arrays to ARRAY, timestamps by their format, and widens numbers', () => {
    const { columns, notes } = inferColumns([
      { id: 1, price: 2, at: '2026-12-07 10:00:00.123', user: { name: 'ann', tags: ['a'] }, day: '2026-12-07', paid: true },
      { id: 3_000_000_000, price: 2.5, at: '2026-12-07T10:00:01Z', user: { name: 'bob', tags: [], age: 4 }, day: '2026-12-08', paid: null },
    ]);
    expect(columns).toEqual([
      { name: 'id', type: 'BIGINT', nullable: false },
      { name: 'price', type: 'DOUBLE', nullable: false },
      { name: 'at', type: 'TIMESTAMP_LTZ(3)', nullable: false },
      { name: 'user', type: 'ROW<`name` STRING, `tags` ARRAY<STRING>, `age` INT>', nullable: false },
      { name: 'day', type: 'DATE', nullable: false },
      { name: 'paid', type: 'BOOLEAN', nullable: true },
    ]);
    expect(notes.isoTimestamps).toBe(true);
  });

  it('makes a column nullable when a record lacks it, and falls back to STRING when kinds disagree', () => {
    const { columns } = inferColumns([{ a: 1, b: 'x' }, { b: 2 }]);
    expect(columns).toEqual([
      { name: 'a', type: 'INT', nullable: true },
      { name: 'b', type: 'STRING', nullable: false },
    ]);
  });

  it('renders a DDL with quoted columns, a watermark and the primary key', () => {
    const ddl = renderTableDdl({ name: 'orders', columns: [{ name: 'id', type: 'INT', nullable: false }, { name: 'at', type: 'TIMESTAMP(3)', nullable: true }], primaryKey: ['id'], eventTime: 'at', options: { connector: 'nats', subject: "it's" } });
    expect(ddl).toBe(
      "CREATE TABLE orders (\n  `id` INT NOT NULL,\n  `at` TIMESTAMP(3),\n  WATERMARK FOR `at` AS `at` - INTERVAL '5' SECOND,\n  PRIMARY KEY (`id`) NOT ENFORCED\n) WITH (\n  'connector' = 'nats',\n  'subject' = 'it''s'\n)",
    );
  });
});
