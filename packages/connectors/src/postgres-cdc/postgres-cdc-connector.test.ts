import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectoryStorage } from '@weir/engine';
import { createPostgresDatabase, type TestDatabase } from '../testing/databases';
import { runSql, until } from '../testing/run-sql';

let db: TestDatabase;
let database: string;
const dirs: string[] = [];
const slots: string[] = [];

beforeAll(async () => {
  db = await createPostgresDatabase();
  database = db.url.split('/').pop() as string;
});

afterAll(async () => {
  for (const slot of slots) await db.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1', [slot]).catch(() => undefined);
  await db?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function newTable(name: string): Promise<string> {
  await db.query(`CREATE TABLE ${name} (id INT PRIMARY KEY, name TEXT, amount NUMERIC(10, 2), at TIMESTAMP(3))`);
  await db.query(`ALTER TABLE ${name} REPLICA IDENTITY FULL`);
  slots.push(`slot_${name}`);
  return name;
}

const cdcSql = (table: string, extra = '') => `CREATE TABLE src (id INT, name STRING, amount DECIMAL(10, 2), at TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED) WITH (
    'connector' = 'postgres-cdc', 'hostname' = '127.0.0.1', 'port' = '5432', 'username' = 'postgres', 'database-name' = '${database}',
    'schema-name' = 'public', 'table-name' = '${table}', 'slot.name' = 'slot_${table}', 'decoding.plugin.name' = 'pgoutput'${extra});
  CREATE TABLE out (id INT, name STRING, amount DECIMAL(10, 2), at TIMESTAMP(3)) WITH ('connector' = 'print');
  INSERT INTO out SELECT * FROM src;`;

describe('postgres-cdc connector', () => {
  it('reads the snapshot as +I, then inserts, updates and deletes as +I, -U/+U and -D', async () => {
    const table = await newTable('orders_a');
    await db.query(`INSERT INTO orders_a VALUES (1, 'tea', 3.50, '2024-01-01 10:00:00.250'), (2, 'cake', 4.25, NULL)`);
    const { job, lines } = runSql(cdcSql(table));
    await until(() => lines.length === 2, 10_000, 'the snapshot');
    await db.query(`INSERT INTO orders_a VALUES (3, 'jam', 1.00, '2024-01-02 00:00:00')`);
    await db.query(`UPDATE orders_a SET amount = 5.00 WHERE id = 1`);
    await db.query(`DELETE FROM orders_a WHERE id = 2`);
    await until(() => lines.length === 6, 10_000, 'the changes');
    await job.stop();
    expect(lines).toEqual([
      '+I[1, tea, 3.50, 2024-01-01T10:00:00.250]',
      '+I[2, cake, 4.25, null]',
      '+I[3, jam, 1.00, 2024-01-02T00:00]',
      '-U[1, tea, 3.50, 2024-01-01T10:00:00.250]',
      '+U[1, tea, 5.00, 2024-01-01T10:00:00.250]',
      '-D[2, cake, 4.25, null]',
    ]);
  });

  it('restores from a savepoint at its LSN: changes made while it was down arrive once', async () => {
    const table = await newTable('orders_b');
    await db.query(`INSERT INTO orders_b VALUES (1, 'tea', 1.00, NULL)`);
    const dir = mkdtempSync(join(tmpdir(), 'weir-cdc-'));
    dirs.push(dir);
    const storage = openDirectoryStorage(dir);
    const checkpointing = { storage, config: { enabled: true, intervalMs: 60_000 } };
    const first = runSql(cdcSql(table), { checkpointing });
    await until(() => first.lines.length === 1, 10_000, 'the snapshot');
    // A transaction of two changes, then the savepoint.
    await db.query(`BEGIN; INSERT INTO orders_b VALUES (2, 'cake', 2.00, NULL); UPDATE orders_b SET amount = 1.50 WHERE id = 1; COMMIT;`);
    await until(() => first.lines.length === 4, 10_000, 'the first transaction');
    const savepoint = await first.job.stop({ savepoint: true });
    await db.query(`INSERT INTO orders_b VALUES (3, 'jam', 3.00, NULL)`);
    await db.query(`DELETE FROM orders_b WHERE id = 2`);
    const second = runSql(cdcSql(table), { checkpointing: { ...checkpointing, restore: { storage, path: (savepoint?.location ?? '').slice(storage.uri.length + 1) } } });
    await until(() => second.lines.length >= 2, 10_000, 'the changes made while it was down');
    await new Promise((r) => setTimeout(r, 300));
    await second.job.stop();
    expect(second.lines).toEqual(['+I[3, jam, 3.00, null]', '-D[2, cake, 2.00, null]']);
  });

  it('refuses a table without REPLICA IDENTITY FULL, saying how to fix it', async () => {
    await db.query('CREATE TABLE plain (id INT PRIMARY KEY, name TEXT, amount NUMERIC(10, 2), at TIMESTAMP(3))');
    const { job } = runSql(cdcSql('plain'));
    await expect(job.done).rejects.toThrow(`table 'public.plain' in PostgreSQL at 127.0.0.1:5432/${database} as 'postgres' must send whole old rows for updates and deletes: run ALTER TABLE "public"."plain" REPLICA IDENTITY FULL`);
  });
});
