import { describe, expect, it } from 'vitest';
import { validateSql } from '../index';

const TABLES = `CREATE TABLE orders (id INT, product BIGINT, p AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE products (pid BIGINT, name STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp/products.csv', 'format' = 'csv', 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '0');
`;

describe('lookup join validation', () => {
  it('refuses FOR SYSTEM_TIME AS OF a column that is not a time attribute, at that column', () => {
    const diagnostics = validateSql(`${TABLES}SELECT o.id FROM orders AS o JOIN products FOR SYSTEM_TIME AS OF o.id AS d ON o.product = d.pid;`);
    expect(diagnostics.find((d) => d.code === 'TEMPORAL_JOIN_INVALID')).toMatchObject({ line: 3, column: 66, endColumn: 70 });
  });

  it('refuses a lookup without an equality on the dimension table, at the ON condition', () => {
    const diagnostics = validateSql(`${TABLES}SELECT o.id FROM orders AS o JOIN products FOR SYSTEM_TIME AS OF o.p AS d ON o.product > d.pid;`);
    expect(diagnostics.find((d) => d.code === 'TEMPORAL_JOIN_INVALID')).toMatchObject({
      message: 'Temporal table join requires an equality condition on fields of table [default_catalog.default_database.products].', line: 3, column: 78,
    });
  });

  it('checks the lookup cache options of the dimension table', () => {
    const diagnostics = validateSql(`${TABLES}SELECT o.id FROM orders AS o JOIN products FOR SYSTEM_TIME AS OF o.p AS d ON o.product = d.pid;`);
    expect(diagnostics.map((d) => d.message)).toEqual(["table 'products': option 'lookup.partial-cache.max-rows' must be a positive integer, got '0'"]);
  });
});
