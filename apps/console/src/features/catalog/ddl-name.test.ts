import { describe, expect, it } from 'vitest';
import { ddlTableName, renameDdlTable } from './ddl-name';

describe('the table name of a DDL', () => {
  it('is read and replaced, quoting a name that needs it', () => {
    const ddl = "CREATE TABLE orders (\n  `id` INT\n) WITH ('connector' = 'nats')";
    expect(ddlTableName(ddl)).toBe('orders');
    expect(renameDdlTable(ddl, 'nats_orders')).toBe("CREATE TABLE nats_orders (\n  `id` INT\n) WITH ('connector' = 'nats')");
    expect(ddlTableName(renameDdlTable(ddl, 'my orders'))).toBe('my orders');
    expect(renameDdlTable('SELECT 1', 'x')).toBe('SELECT 1');
  });
});
