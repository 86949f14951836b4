/**
 * Connector bench: per connector, rows/s of a source and a sink with a 10-field JSON payload, the
 * engine (a job from or into the connector, with a blackhole or datagen on the other side) beside
 * the raw client library doing the same reads or writes without the engine, in this process.
 *   npm run bench:connectors -- [--rows 100000]
 * Needs the machine's NATS (4222), PostgreSQL (5432), MariaDB (3306) and Redis (6379).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import { connect } from 'nats';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { compileJob, startJob } from '@weir/engine';
import { allConnectors } from '../src/index';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg < 0 ? 100_000 : Number(process.argv[rowsArg + 1]);
const id = randomUUID().replace(/-/g, '').slice(0, 8);
const COLUMNS = 'id BIGINT, user_name STRING, item STRING, price DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), country STRING, device STRING, score DOUBLE, flag BOOLEAN';
const DATAGEN = `'connector' = 'datagen', 'number-of-rows' = '${ROWS}', 'rows-per-second' = '1000000000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${ROWS}',
  'fields.user_name.length' = '12', 'fields.item.length' = '8', 'fields.country.length' = '2', 'fields.device.length' = '6', 'fields.price.min' = '1', 'fields.price.max' = '999'`;

function payload(i: number): Record<string, unknown> {
  return { id: i, user_name: `user-${i % 9973}`.padEnd(12, 'x'), item: `item${i % 97}`.padEnd(8, 'y'), price: (i % 99900) / 100 + 1, qty: i % 17, ts: '2024-01-01 10:00:00.123', country: 'DE', device: 'mobile', score: i / 7, flag: i % 2 === 0 };
}

async function engine(sql: string): Promise<number> {
  const connectors = allConnectors();
  const job = startJob(compileJob(sql, { connectors }), { connectors });
  const start = performance.now();
  await job.done;
  return ROWS / ((performance.now() - start) / 1000);
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return ROWS / ((performance.now() - start) / 1000);
}

interface Result { connector: string; role: string; engine: number; raw: number; note?: string }
const results: Result[] = [];

async function nats(): Promise<void> {
  const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const stream = `bench_${id}`;
  await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
  const enc = new TextEncoder();
  try {
    const rawSink = await timed(async () => {
      const inFlight: Promise<unknown>[] = [];
      for (let i = 1; i <= ROWS; i++) {
        inFlight.push(js.publish(`${stream}.raw`, enc.encode(JSON.stringify(payload(i)))));
        if (inFlight.length >= 1024) await Promise.all(inFlight.splice(0));
      }
      await Promise.all(inFlight);
    });
    const engineSink = await engine(`CREATE TABLE src (${COLUMNS}) WITH (${DATAGEN});
      CREATE TABLE snk (${COLUMNS}) WITH ('connector' = 'nats', 'servers' = 'nats://127.0.0.1:4222', 'stream' = '${stream}', 'subject' = '${stream}.engine');
      INSERT INTO snk SELECT * FROM src;`);
    results.push({ connector: 'nats (JetStream)', role: 'sink', engine: engineSink, raw: rawSink, note: 'engine side includes datagen' });
    const rawSource = await timed(async () => {
      const consumer = await js.consumers.get(stream, { filterSubjects: `${stream}.raw` });
      const messages = await consumer.consume({ max_messages: 512 });
      let n = 0;
      for await (const m of messages) {
        JSON.parse(new TextDecoder().decode(m.data));
        if (++n === ROWS) break;
      }
    });
    const engineSource = await engine(`CREATE TABLE src (${COLUMNS}) WITH ('connector' = 'nats', 'servers' = 'nats://127.0.0.1:4222', 'stream' = '${stream}', 'subject' = '${stream}.raw', 'scan.bounded.mode' = 'latest-offset');
      CREATE TABLE snk (${COLUMNS}) WITH ('connector' = 'blackhole'); INSERT INTO snk SELECT * FROM src;`);
    results.push({ connector: 'nats (JetStream)', role: 'source', engine: engineSource, raw: rawSource });
  } finally {
    await jsm.streams.delete(stream);
    await nc.close();
  }
}

const PG_DDL = (t: string) => `CREATE TABLE ${t} (id BIGINT PRIMARY KEY, user_name TEXT, item TEXT, price NUMERIC(10, 2), qty INT, ts TIMESTAMP(3), country TEXT, device TEXT, score DOUBLE PRECISION, flag BOOLEAN)`;
const COLS = ['id', 'user_name', 'item', 'price', 'qty', 'ts', 'country', 'device', 'score', 'flag'];

async function postgres(): Promise<void> {
  const database = `bench_${id}`;
  const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const client = new pg.Client({ host: '127.0.0.1', user: 'postgres', database });
  await client.connect();
  try {
    await client.query(PG_DDL('raw_rows'));
    await client.query(PG_DDL('engine_rows'));
    const rawSink = await timed(async () => {
      for (let from = 1; from <= ROWS; from += 100) {
        const rows = Array.from({ length: Math.min(100, ROWS - from + 1) }, (_, k) => payload(from + k));
        const params = rows.flatMap((r) => COLS.map((c) => r[c]));
        const values = rows.map((_, r) => `(${COLS.map((__, c) => `$${r * COLS.length + c + 1}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO raw_rows VALUES ${values} ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty`, params);
      }
    });
    const engineSink = await engine(`CREATE TABLE src (${COLUMNS}) WITH (${DATAGEN});
      CREATE TABLE snk (${COLUMNS}, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:5432/${database}', 'username' = 'postgres', 'table-name' = 'engine_rows');
      INSERT INTO snk SELECT * FROM src;`);
    results.push({ connector: 'jdbc (PostgreSQL)', role: 'sink (upsert, 100-row flushes)', engine: engineSink, raw: rawSink, note: 'engine side includes datagen' });
    const rawSource = await timed(async () => {
      const cursor = client.query(new Cursor('SELECT * FROM raw_rows', [], { rowMode: 'array' }));
      for (;;) {
        const rows = await cursor.read(1000);
        if (rows.length === 0) break;
      }
      await cursor.close();
    });
    const engineSource = await engine(`CREATE TABLE src (${COLUMNS}) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:5432/${database}', 'username' = 'postgres', 'table-name' = 'raw_rows');
      CREATE TABLE snk (${COLUMNS}) WITH ('connector' = 'blackhole'); INSERT INTO snk SELECT * FROM src;`);
    results.push({ connector: 'jdbc (PostgreSQL)', role: 'scan', engine: engineSource, raw: rawSource, note: 'engine orders by every column' });
  } finally {
    await client.end();
    await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    await admin.end();
  }
}

async function mariadb(): Promise<void> {
  const database = `bench_${id}`;
  const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
  await connection.query(`CREATE DATABASE ${database}`);
  await connection.query(`USE ${database}`);
  const ddl = (t: string) => `CREATE TABLE ${t} (id BIGINT PRIMARY KEY, user_name VARCHAR(20), item VARCHAR(20), price DECIMAL(10, 2), qty INT, ts DATETIME(3), country VARCHAR(4), device VARCHAR(10), score DOUBLE, flag BOOLEAN)`;
  try {
    await connection.query(ddl('raw_rows'));
    await connection.query(ddl('engine_rows'));
    const rawSink = await timed(async () => {
      for (let from = 1; from <= ROWS; from += 100) {
        const rows = Array.from({ length: Math.min(100, ROWS - from + 1) }, (_, k) => payload(from + k));
        await connection.query('INSERT INTO raw_rows VALUES ? ON DUPLICATE KEY UPDATE qty = VALUES(qty)', [rows.map((r) => COLS.map((c) => r[c]))]);
      }
    });
    const engineSink = await engine(`CREATE TABLE src (${COLUMNS}) WITH (${DATAGEN});
      CREATE TABLE snk (${COLUMNS}, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://127.0.0.1:3306/${database}', 'username' = 'root', 'table-name' = 'engine_rows');
      INSERT INTO snk SELECT * FROM src;`);
    results.push({ connector: 'jdbc (MariaDB)', role: 'sink (upsert, 100-row flushes)', engine: engineSink, raw: rawSink, note: 'engine side includes datagen' });
  } finally {
    await connection.query(`DROP DATABASE ${database}`);
    await connection.end();
  }
}

async function redis(): Promise<void> {
  const r = new Redis('redis://127.0.0.1:6379');
  const prefix = `bench_${id}`;
  try {
    const rawSink = await timed(async () => {
      for (let from = 1; from <= ROWS; from += 1024) {
        const pipeline = r.pipeline();
        for (let i = from; i < Math.min(from + 1024, ROWS + 1); i++) {
          const p = payload(i);
          pipeline.hset(`${prefix}:raw:${i}`, ...COLS.flatMap((c) => [c, String(p[c])]));
        }
        await pipeline.exec();
      }
    });
    const engineSink = await engine(`CREATE TABLE src (${COLUMNS}) WITH (${DATAGEN});
      CREATE TABLE snk (${COLUMNS}) WITH ('connector' = 'redis', 'data-type' = 'hash', 'key' = '${prefix}:engine:{id}');
      INSERT INTO snk SELECT * FROM src;`);
    results.push({ connector: 'redis', role: 'sink (hash)', engine: engineSink, raw: rawSink, note: 'engine side includes datagen' });
    const stream = `${prefix}:stream`;
    for (let from = 1; from <= ROWS; from += 1024) {
      const pipeline = r.pipeline();
      for (let i = from; i < Math.min(from + 1024, ROWS + 1); i++) {
        const p = payload(i);
        pipeline.xadd(stream, '*', ...COLS.flatMap((c) => [c, String(p[c])]));
      }
      await pipeline.exec();
    }
    const rawSource = await timed(async () => {
      let last = '0-0';
      let n = 0;
      while (n < ROWS) {
        const reply = (await r.xread('COUNT', 512, 'STREAMS', stream, last)) as [string, [string, string[]][]][] | null;
        const entries = reply?.[0]?.[1] ?? [];
        for (const [entryId] of entries) last = entryId;
        n += entries.length;
      }
    });
    const engineSource = await engine(`CREATE TABLE src (${COLUMNS}) WITH ('connector' = 'redis', 'data-type' = 'stream', 'key' = '${stream}', 'scan.bounded.mode' = 'latest-offset');
      CREATE TABLE snk (${COLUMNS}) WITH ('connector' = 'blackhole'); INSERT INTO snk SELECT * FROM src;`);
    results.push({ connector: 'redis', role: 'source (stream)', engine: engineSource, raw: rawSource, note: 'raw reads without parsing fields' });
  } finally {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 10_000);
      cursor = next;
      if (keys.length > 0) await r.del(...keys);
    } while (cursor !== '0');
    await r.quit();
  }
}

const datagenOnly = await engine(`CREATE TABLE src (${COLUMNS}) WITH (${DATAGEN}); CREATE TABLE snk (${COLUMNS}) WITH ('connector' = 'blackhole'); INSERT INTO snk SELECT * FROM src;`);
await nats();
await postgres();
await mariadb();
await redis();

const fmt = (n: number) => `${Math.round(n).toLocaleString('en-US')}`;
console.log(`\n${ROWS.toLocaleString('en-US')} rows of 10 fields each; datagen → blackhole alone: ${fmt(datagenOnly)} rows/s\n`);
console.log('| Connector | Role | Engine (rows/s) | Raw client (rows/s) | Ratio | Note |');
console.log('|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.connector} | ${r.role} | ${fmt(r.engine)} | ${fmt(r.raw)} | ${(r.engine / r.raw).toFixed(2)} | ${r.note ?? ''} |`);
const below = results.filter((r) => r.engine / r.raw < 0.5);
if (below.length > 0) console.log(`\nbelow the 0.5 goal: ${below.map((r) => `${r.connector} ${r.role}`).join(', ')}`);
