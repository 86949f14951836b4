import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from 'nats';
import pg from 'pg';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { until, weirCli as weir } from '../support/weir-cli';

/*
 * The connectors issue's first pipeline, run as a user runs it: NATS JetStream JSON → a tumbling
 * window count → an upsert into PostgreSQL, from the `weir` CLI, bounded, and killed (SIGKILL) and
 * restored from its last checkpoint without losing or doubling a row.
 */

const NATS_URL = 'nats://127.0.0.1:4222';
const BASE_MS = Date.UTC(2024, 0, 1, 10, 0, 0);
let nc: NatsConnection;
let admin: pg.Client;
let db: pg.Client;
let database: string;
let dir: string;
const streams: string[] = [];

beforeAll(async () => {
  nc = await connect({ servers: NATS_URL });
  database = `weir_pipe_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database });
  await db.connect();
  dir = await mkdtemp(join(tmpdir(), 'weir-pipe-'));
});

afterAll(async () => {
  const jsm = await nc?.jetstreamManager();
  for (const s of streams) await jsm?.streams.delete(s).catch(() => undefined);
  await nc?.close();
  await db?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin?.end();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function newStream(): Promise<string> {
  const name = `weir_pipe_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  await (await nc.jetstreamManager()).streams.add({ name, subjects: [`${name}.>`] });
  streams.push(name);
  return name;
}

/** Clicks i = from..to-1: one a second from BASE_MS, on items a, b, c in turn. */
async function publishClicks(stream: string, from: number, to: number): Promise<void> {
  const js = nc.jetstream();
  for (let i = from; i < to; i++) {
    const ts = new Date(BASE_MS + i * 1000).toISOString().replace('T', ' ').replace('Z', '');
    await js.publish(`${stream}.clicks`, new TextEncoder().encode(JSON.stringify({ id: i, item: 'abc'[i % 3], ts })));
  }
}

/** What the table must hold for clicks 0..n-1: per 10-second window and item, the count. */
function expectedCounts(n: number): string[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${new Date(BASE_MS + Math.floor(i / 10) * 10_000).toISOString().slice(11, 19)} ${'abc'[i % 3]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, c]) => `${k} ${c}`).sort();
}

async function tableCounts(table: string): Promise<string[]> {
  const rows = await db.query(`SELECT to_char(window_start, 'HH24:MI:SS') AS w, item, clicks FROM ${table} ORDER BY 1, 2`);
  return rows.rows.map((r) => `${r.w} ${r.item} ${r.clicks}`).sort();
}

function jobSql(stream: string, table: string, extra = '', sink: 'upsert' | 'exactly-once append' = 'upsert'): string {
  const key = sink === 'upsert' ? ', PRIMARY KEY (window_start, item) NOT ENFORCED' : '';
  const delivery = sink === 'upsert' ? '' : ", 'sink.delivery-guarantee' = 'exactly-once'";
  return `SET 'execution.checkpointing.interval' = '300 ms';
CREATE TABLE clicks (id BIGINT, item STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'nats', 'servers' = '${NATS_URL}', 'stream' = '${stream}', 'subject' = '${stream}.clicks', 'format' = 'json'${extra});
CREATE TABLE counts (window_start TIMESTAMP(3), item STRING, clicks BIGINT${key}) WITH (
  'connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:5432/${database}', 'username' = 'postgres', 'table-name' = '${table}'${delivery});
INSERT INTO counts
SELECT window_start, item, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, item;
`;
}




describe('NATS JetStream → window → PostgreSQL upsert, from the CLI', () => {
  it('runs bounded to the latest offset and leaves one row per window and item', async () => {
    const stream = await newStream();
    await db.query('CREATE TABLE counts_bounded (window_start TIMESTAMP(3), item TEXT, clicks BIGINT, PRIMARY KEY (window_start, item))');
    await publishClicks(stream, 0, 45);
    const file = join(dir, 'bounded.sql');
    await writeFile(file, jobSql(stream, 'counts_bounded', ", 'scan.bounded.mode' = 'latest-offset'"));
    const run = weir(['run', file]);
    expect(await run.exited, run.stderr.join('\n')).toBe(0);
    expect(await tableCounts('counts_bounded')).toEqual(expectedCounts(45));
  });

  it.each(['upsert', 'exactly-once append'] as const)('is killed and restored from its last checkpoint with nothing lost or doubled (%s sink)', async (sink) => {
    const stream = await newStream();
    const table = sink === 'upsert' ? 'counts_restored' : 'counts_appended';
    // The append table has no key: a window written twice would show as two rows.
    await db.query(`CREATE TABLE ${table} (window_start TIMESTAMP(3), item TEXT, clicks BIGINT${sink === 'upsert' ? ', PRIMARY KEY (window_start, item)' : ''})`);
    const file = join(dir, `${table}.sql`);
    await writeFile(file, jobSql(stream, table, '', sink));
    const checkpoints = join(dir, `checkpoints-${table}`);
    await publishClicks(stream, 0, 35);
    const first = weir(['run', file, '--checkpoint-dir', checkpoints]);
    await until(async () => (await tableCounts(table)).length >= 9 && first.stderr.some((l) => / COMPLETED/.test(l)), 20_000, 'three windows written and a checkpoint');
    first.child.kill('SIGKILL');
    await first.exited;
    // The rest arrives while the job is down; the last click at +100 s closes the window of click 59.
    await publishClicks(stream, 35, 60);
    await publishClicks(stream, 100, 101);
    const second = weir(['run', file, '--checkpoint-dir', checkpoints, '--restore', 'latest']);
    const expected = expectedCounts(60);
    await until(async () => JSON.stringify(await tableCounts(table)) === JSON.stringify(expected), 20_000, 'every window of clicks 0..59');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.stderr.join('\n')).not.toContain('starting from the beginning');
    expect(await tableCounts(table)).toEqual(expected);
  });
});

describe('NATS JetStream → window → PostgreSQL, deployed on the platform', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform('nats-pg', { workers: 1 });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('runs bounded on a worker to FINISHED with the expected rows', async () => {
    const stream = await newStream();
    await db.query('CREATE TABLE counts_deployed (window_start TIMESTAMP(3), item TEXT, clicks BIGINT, PRIMARY KEY (window_start, item))');
    await publishClicks(stream, 0, 30);
    const d = await platform.deploy('nats-pg-bounded', jobSql(stream, 'counts_deployed', ", 'scan.bounded.mode' = 'latest-offset'"), {});
    await platform.waitFor(d.id, ['FINISHED'], 60_000);
    expect(await tableCounts('counts_deployed')).toEqual(expectedCounts(30));
  });

  it("fails over when its worker is killed and restores from the checkpoint: the append table has each window once", async () => {
    const stream = await newStream();
    await db.query('CREATE TABLE counts_failover (window_start TIMESTAMP(3), item TEXT, clicks BIGINT)');
    await publishClicks(stream, 0, 35);
    const d = await platform.deploy('nats-pg-failover', jobSql(stream, 'counts_failover', '', 'exactly-once append'), { checkpointing: { intervalMs: 300 } });
    const running = await platform.waitFor(d.id, ['RUNNING'], 30_000);
    await until(async () => (await tableCounts('counts_failover')).length >= 9, 30_000, 'three windows committed');
    process.kill(platform.workerOf(running).pid() as number, 'SIGKILL');
    await publishClicks(stream, 35, 60);
    await publishClicks(stream, 100, 101);
    const back = await platform.waitFor(d.id, ['RUNNING'], 30_000, (x) => x.attempt === 2);
    expect(back.currentRun?.restoredCheckpointId).toEqual(expect.any(Number));
    const expected = expectedCounts(60);
    await until(async () => JSON.stringify(await tableCounts('counts_failover')) === JSON.stringify(expected), 30_000, 'every window of clicks 0..59, once');
    expect(await tableCounts('counts_failover')).toEqual(expected);
  });
});
