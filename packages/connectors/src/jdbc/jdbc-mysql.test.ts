import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLatestCheckpoint, openDirectoryStorage } from '@weir/engine';
import { createMysqlDatabase, type TestDatabase } from '../testing/databases';
import { runSql, until } from '../testing/run-sql';

let db: TestDatabase;
const dirs: string[] = [];

beforeAll(async () => {
  db = await createMysqlDatabase();
  await db.query(`CREATE TABLE \`dim items\` (id INT PRIMARY KEY, name VARCHAR(50), price DECIMAL(10, 2), updated DATETIME(3), active TINYINT(1), tags JSON)`);
  await db.query(`INSERT INTO \`dim items\` VALUES (1, 'tea', 3.50, '2024-01-01 10:00:00.250', 1, '["hot", "leaf"]'), (2, 'cake', 4.25, '2024-02-01 00:00:00', 0, '[]'), (3, 'jam', NULL, NULL, NULL, NULL)`);
});

afterAll(async () => {
  await db?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const dim = (extra = '') => `CREATE TABLE dim (id INT, name STRING, price DECIMAL(10, 2), updated TIMESTAMP(3), active BOOLEAN, tags ARRAY<STRING>)
  WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'dim items'${extra});`;

describe('jdbc connector on MariaDB', () => {
  it('scans DECIMAL, DATETIME, TINYINT(1) as BOOLEAN and JSON arrays', async () => {
    const { job, lines } = runSql(`${dim()}
      CREATE TABLE out (id INT, name STRING, price DECIMAL(10, 2), updated TIMESTAMP(3), active BOOLEAN, tags ARRAY<STRING>) WITH ('connector' = 'print');
      INSERT INTO out SELECT * FROM dim;`);
    await job.done;
    expect(lines).toEqual(['+I[1, tea, 3.50, 2024-01-01T10:00:00.250, true, [hot, leaf]]', '+I[2, cake, 4.25, 2024-02-01T00:00, false, []]', '+I[3, jam, null, null, null, null]']);
  });

  it('joins a stream with the dimension table by lookup, from a partial cache', async () => {
    const { job, lines } = runSql(`${dim(", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100', 'lookup.partial-cache.expire-after-write' = '1 min'")}
      CREATE TABLE orders (oid BIGINT, item INT, proc AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '8', 'fields.oid.kind' = 'sequence', 'fields.oid.start' = '1', 'fields.oid.end' = '8', 'fields.item.min' = '1', 'fields.item.max' = '4');
      CREATE TABLE out (oid BIGINT, item INT, name STRING, price DECIMAL(10, 2)) WITH ('connector' = 'print');
      INSERT INTO out SELECT o.oid, o.item, d.name, d.price FROM orders AS o LEFT JOIN dim FOR SYSTEM_TIME AS OF o.proc AS d ON o.item = d.id;`);
    await job.done;
    expect(lines).toHaveLength(8);
    const names: Record<string, string> = { 1: 'tea, 3.50', 2: 'cake, 4.25', 3: 'jam, null', 4: 'null, null' };
    for (const line of lines) {
      const [, item] = /^\+I\[\d+, (\d+), /.exec(line) ?? [];
      expect(line.endsWith(`${names[item]}]`)).toBe(true);
    }
  });

  it('upserts by the PRIMARY KEY with ON DUPLICATE KEY UPDATE', async () => {
    await db.query('CREATE TABLE counts (item INT PRIMARY KEY, n BIGINT)');
    const { job } = runSql(`CREATE TABLE src (item INT) WITH ('connector' = 'datagen', 'number-of-rows' = '300', 'fields.item.min' = '1', 'fields.item.max' = '5');
      CREATE TABLE counts (item INT, n BIGINT, PRIMARY KEY (item) NOT ENFORCED) WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'counts');
      INSERT INTO counts SELECT item, COUNT(*) FROM src GROUP BY item;`);
    await job.done;
    const rows = await db.query('SELECT SUM(n) AS total, COUNT(*) AS items FROM counts');
    expect(rows).toEqual([{ total: '300', items: '5' }]);
  });

  it('writes each row exactly once across a failure: a restored run commits its checkpoint again and the marker stops the doubling', async () => {
    await db.query('CREATE TABLE events (id BIGINT, v VARCHAR(20))');
    const dir = mkdtempSync(join(tmpdir(), 'weir-jdbc-'));
    dirs.push(dir);
    const storage = openDirectoryStorage(dir);
    const sql = `CREATE TABLE src (id BIGINT, v STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'number-of-rows' = '3000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3000', 'fields.v.length' = '5');
      CREATE TABLE events (id BIGINT, v STRING) WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'events', 'sink.delivery-guarantee' = 'exactly-once');
      INSERT INTO events SELECT * FROM src;`;
    const checkpointing = { storage, config: { enabled: true, intervalMs: 200, mode: 'EXACTLY_ONCE' as const } };
    const first = runSql(sql, { checkpointing });
    await until(async () => Number((await db.query('SELECT COUNT(*) AS n FROM events'))[0].n) > 0, 10_000, 'a first committed checkpoint');
    // A crash: the run ends without a savepoint, whatever it wrote after its last checkpoint uncommitted.
    await first.job.stop();
    const latest = await findLatestCheckpoint(storage);
    expect(latest).toBeTruthy();
    const second = runSql(sql, { checkpointing: { ...checkpointing, restore: { storage, path: latest as string } } });
    await second.job.done;
    const rows = await db.query('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS d, MIN(id) AS lo, MAX(id) AS hi FROM events');
    expect(rows).toEqual([{ n: '3000', d: '3000', lo: '1', hi: '3000' }]);
    const markers = await db.query('SELECT COUNT(*) AS n FROM weir_sink_commits');
    expect(Number(markers[0].n)).toBeGreaterThan(1);
  });
});
