import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { until, weirCli as weir } from '../support/weir-cli';

/*
 * The connectors issue's second pipeline: postgres-cdc → a lookup join with a MariaDB dimension
 * table (cached) → Redis hashes, run from the `weir` CLI (bounded by `scan.startup.mode` =
 * 'snapshot', then killed and restored while the table changes) and deployed on the platform.
 */

const id = randomUUID().replace(/-/g, '').slice(0, 10);
const database = `weir_cdc_${id}`;
const prefix = `weir_cdc_${id}`;
let admin: pg.Client;
let db: pg.Client;
let maria: mysql.Connection;
let redis: Redis;
let dir: string;
const slots: string[] = [];

beforeAll(async () => {
  admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database });
  await db.connect();
  maria = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
  await maria.query(`CREATE DATABASE ${database}`);
  await maria.query(`CREATE TABLE ${database}.items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(10, 2))`);
  await maria.query(`INSERT INTO ${database}.items VALUES (1, 'tea', 3.50), (2, 'cake', 4.25), (3, 'jam', 2.00)`);
  redis = new Redis('redis://127.0.0.1:6379');
  dir = await mkdtemp(join(tmpdir(), 'weir-cdc-'));
});

afterAll(async () => {
  for (const slot of slots) await db?.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active', [slot]).catch(() => undefined);
  await db?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin?.end();
  await maria?.query(`DROP DATABASE IF EXISTS ${database}`);
  await maria?.end();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis?.quit();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function newOrders(table: string): Promise<void> {
  await db.query(`CREATE TABLE ${table} (id INT PRIMARY KEY, item_id INT, qty INT)`);
  await db.query(`ALTER TABLE ${table} REPLICA IDENTITY FULL`);
  await db.query(`INSERT INTO ${table} VALUES (1, 1, 2), (2, 2, 1), (3, 3, 5), (4, 9, 1)`);
  slots.push(`slot_${table}`);
}

function jobSql(table: string, mode: 'snapshot' | 'initial'): string {
  return `SET 'execution.checkpointing.interval' = '300 ms';
CREATE TABLE orders (id INT, item_id INT, qty INT, proc AS PROCTIME(), PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'postgres-cdc', 'hostname' = '127.0.0.1', 'port' = '5432', 'username' = 'postgres', 'database-name' = '${database}',
  'schema-name' = 'public', 'table-name' = '${table}', 'slot.name' = 'slot_${table}', 'scan.startup.mode' = '${mode}');
CREATE TABLE items (id INT, name STRING, price DECIMAL(10, 2)) WITH (
  'connector' = 'jdbc', 'url' = 'jdbc:mysql://127.0.0.1:3306/${database}', 'username' = 'root', 'table-name' = 'items',
  'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '1000', 'lookup.partial-cache.expire-after-write' = '10 min');
CREATE TABLE enriched (id INT, item STRING, qty INT, total DECIMAL(12, 2), PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'redis', 'url' = 'redis://127.0.0.1:6379', 'data-type' = 'hash', 'key' = '${prefix}:${table}:{id}');
INSERT INTO enriched
SELECT o.id, i.name, o.qty, CAST(o.qty * i.price AS DECIMAL(12, 2))
FROM orders AS o LEFT JOIN items FOR SYSTEM_TIME AS OF o.proc AS i ON o.item_id = i.id;
`;
}

/** The Redis hashes of a table's orders, as `id item qty total` lines. */
async function redisRows(table: string): Promise<string[]> {
  const keys = await redis.keys(`${prefix}:${table}:*`);
  const rows = await Promise.all(keys.map(async (k) => {
    const h = await redis.hgetall(k);
    return `${h.id} ${h.item ?? '-'} ${h.qty} ${h.total ?? '-'}`;
  }));
  return rows.sort();
}

const SNAPSHOT = ['1 tea 2 7.00', '2 cake 1 4.25', '3 jam 5 10.00', '4 - 1 -'];



/** Changes made while the job is down: an insert, an update that changes the item, a delete. */
async function changeOrders(table: string): Promise<void> {
  await db.query(`INSERT INTO ${table} VALUES (5, 2, 4)`);
  await db.query(`UPDATE ${table} SET item_id = 1, qty = 3 WHERE id = 2`);
  await db.query(`DELETE FROM ${table} WHERE id = 3`);
}
const CHANGED = ['1 tea 2 7.00', '2 tea 3 10.50', '4 - 1 -', '5 cake 4 17.00'];

describe('postgres-cdc → MariaDB lookup → Redis, from the CLI', () => {
  it('runs the snapshot bounded and writes one hash per order, enriched from the dimension table', async () => {
    await newOrders('orders_snap');
    const file = join(dir, 'snapshot.sql');
    await writeFile(file, jobSql('orders_snap', 'snapshot'));
    const run = weir(['run', file]);
    expect(await run.exited, run.stderr.join('\n')).toBe(0);
    expect(await redisRows('orders_snap')).toEqual(SNAPSHOT);
  });

  it('is killed and restored from its last checkpoint, then applies the changes made while it was down', async () => {
    await newOrders('orders_kill');
    const file = join(dir, 'kill.sql');
    await writeFile(file, jobSql('orders_kill', 'initial'));
    const checkpoints = join(dir, 'checkpoints');
    const first = weir(['run', file, '--checkpoint-dir', checkpoints]);
    await until(async () => JSON.stringify(await redisRows('orders_kill')) === JSON.stringify(SNAPSHOT) && first.stderr.some((l) => / COMPLETED/.test(l)), 20_000, 'the snapshot in Redis and a checkpoint');
    first.child.kill('SIGKILL');
    await first.exited;
    await changeOrders('orders_kill');
    const second = weir(['run', file, '--checkpoint-dir', checkpoints, '--restore', 'latest']);
    await until(async () => JSON.stringify(await redisRows('orders_kill')) === JSON.stringify(CHANGED), 20_000, 'the changes in Redis');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.stderr.join('\n')).not.toContain('starting from the beginning');
  });
});

describe('postgres-cdc → MariaDB lookup → Redis, deployed on the platform', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform('cdc-redis', { workers: 1 });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('fails over after its worker is killed and applies the changes made meanwhile', async () => {
    await newOrders('orders_platform');
    const d = await platform.deploy('cdc-redis', jobSql('orders_platform', 'initial'), { checkpointing: { intervalMs: 300 } });
    const running = await platform.waitFor(d.id, ['RUNNING'], 30_000);
    await until(async () => JSON.stringify(await redisRows('orders_platform')) === JSON.stringify(SNAPSHOT), 30_000, 'the snapshot in Redis');
    await new Promise((r) => setTimeout(r, 800));
    process.kill(platform.workerOf(running).pid() as number, 'SIGKILL');
    await changeOrders('orders_platform');
    const back = await platform.waitFor(d.id, ['RUNNING'], 30_000, (x) => x.attempt === 2);
    expect(back.currentRun?.restoredCheckpointId).toEqual(expect.any(Number));
    await until(async () => JSON.stringify(await redisRows('orders_platform')) === JSON.stringify(CHANGED), 30_000, 'the changes in Redis');
  });
});
