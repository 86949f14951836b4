import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as amqpConnect } from 'amqplib';
import { Redis } from 'ioredis';
import mqtt from 'mqtt';
import mysql from 'mysql2/promise';
import { connect as natsConnect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlDatabase, createPostgresDatabase, type TestDatabase } from '../testing/databases';
import { browseConnection, sampleConnection, testConnection } from './connection-tools';

const suffix = Math.random().toString(16).slice(2, 8);
let pgDb: TestDatabase;
let pgName: string;
let silent: Server;
let silentPort: number;

beforeAll(async () => {
  pgDb = await createPostgresDatabase();
  pgName = pgDb.url.split('/').pop() ?? '';
  await pgDb.query('CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(10, 2) NOT NULL, placed timestamptz, tags text[])');
  await pgDb.query("INSERT INTO orders VALUES (1, 9.50, '2026-12-07 10:00:00+00', '{a,b}'), (2, 3.25, NULL, '{}')");
  // Accepts connections and never answers: what a firewalled or hung server looks like.
  silent = createServer(() => undefined);
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  silentPort = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  await pgDb.drop();
  silent.close();
});

const pgOptions = () => ({ hostname: '127.0.0.1', port: '5432', 'database-name': pgName, username: process.env.PGUSER ?? 'postgres' });

describe('PostgreSQL connections', () => {
  it('test, browse tables with columns and primary keys, and sample rows with the DDL', async () => {
    const tested = await testConnection('postgres', pgOptions());
    expect(tested).toMatchObject({ ok: true, server: expect.stringMatching(/^PostgreSQL \d+/) });
    const { items } = await browseConnection('postgres', pgOptions());
    expect(items).toContainEqual({
      name: 'public.orders', kind: 'table', path: ['public', 'orders'], primaryKey: ['id'],
      columns: [
        { name: 'id', type: 'BIGINT', nullable: false, nativeType: 'bigint' },
        { name: 'amount', type: 'DECIMAL(10, 2)', nullable: false, nativeType: 'numeric' },
        { name: 'placed', type: 'TIMESTAMP_LTZ(6)', nullable: true, nativeType: 'timestamp with time zone' },
        { name: 'tags', type: 'ARRAY<STRING>', nullable: true, nativeType: 'text[]' },
      ],
    });
    const sample = await sampleConnection('postgres', pgOptions(), { object: 'public.orders', maxRows: 10, maxSeconds: 5 });
    expect(sample.rows).toEqual([
      { id: '1', amount: '9.50', placed: '2026-12-07T10:00:00.000Z', tags: ['a', 'b'] },
      { id: '2', amount: '3.25', placed: null, tags: [] },
    ]);
    expect(sample.ddl).toBe(
      "CREATE TABLE orders (\n  `id` BIGINT NOT NULL,\n  `amount` DECIMAL(10, 2),\n  `placed` TIMESTAMP_LTZ(6),\n  `tags` ARRAY<STRING>,\n  PRIMARY KEY (`id`) NOT ENFORCED\n) WITH (\n  'connector' = 'jdbc',\n  'table-name' = 'public.orders'\n)",
    );
    const cdc = await sampleConnection('postgres', pgOptions(), { object: 'public.orders', maxRows: 1, maxSeconds: 5 }, 'postgres-cdc');
    expect(cdc.ddl).toContain("'connector' = 'postgres-cdc',\n  'schema-name' = 'public',\n  'table-name' = 'orders'");
  });

  it('say which user failed to authenticate, what refused, what did not resolve and what hung', async () => {
    const unknownUser = await testConnection('postgres', { ...pgOptions(), username: 'nobody_here' });
    expect(unknownUser).toMatchObject({ ok: false, failure: 'AUTHENTICATION' });
    expect(unknownUser.message).toMatch(/^authentication failed for user 'nobody_here' at PostgreSQL at 127\.0\.0\.1:5432/);
    const refused = await testConnection('postgres', { ...pgOptions(), port: '1' });
    expect(refused).toMatchObject({ ok: false, failure: 'REFUSED', message: 'the connection to PostgreSQL at 127.0.0.1:1/' + pgName + ' was refused: nothing listens there' });
    expect(await testConnection('postgres', { ...pgOptions(), hostname: 'no-such-host.invalid' })).toMatchObject({ ok: false, failure: 'DNS' });
    const hung = await testConnection('postgres', { ...pgOptions(), port: String(silentPort) }, 1_500);
    expect(hung).toMatchObject({ ok: false, failure: 'TIMEOUT' });
    expect(hung.elapsedMs).toBeLessThan(5_000);
    await expect(sampleConnection('postgres', pgOptions(), { object: 'public.nope', maxRows: 1, maxSeconds: 2 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining("table 'public.nope' does not exist") });
  });
});

describe('MySQL connections', () => {
  let db: TestDatabase;
  const user = `weir_probe_${suffix}`;
  beforeAll(async () => {
    db = await createMysqlDatabase();
    await db.query('CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, flag TINYINT(1), at DATETIME(3))');
    await db.query("INSERT INTO items VALUES (7, 'lamp', 1, '2026-12-07 10:00:00.500')");
    const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'right-password'`);
    await admin.query(`GRANT SELECT ON ${db.url.split('/').pop()}.* TO '${user}'@'%'`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
    await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await admin.end();
    await db.drop();
  });
  const options = (password: string) => ({ hostname: '127.0.0.1', port: '3306', 'database-name': db.url.split('/').pop() ?? '', username: user, password });

  it('a wrong password says authentication failed for that user, without the password', async () => {
    const result = await testConnection('mysql', options('wrong-password'));
    expect(result).toMatchObject({ ok: false, failure: 'AUTHENTICATION' });
    expect(result.message).toMatch(new RegExp(`^authentication failed for user '${user}' at MySQL at 127\\.0\\.0\\.1:3306/`));
    expect(JSON.stringify(result)).not.toContain('wrong-password');
    expect(await testConnection('mysql', options('right-password'))).toMatchObject({ ok: true, server: expect.stringContaining('MariaDB') });
  });

  it('samples a table with its own column types', async () => {
    const sample = await sampleConnection('mysql', options('right-password'), { object: 'items', maxRows: 5, maxSeconds: 5 });
    expect(sample.columns).toEqual([
      { name: 'id', type: 'INT', nullable: false },
      { name: 'name', type: 'STRING', nullable: false },
      { name: 'flag', type: 'BOOLEAN', nullable: true },
      { name: 'at', type: 'TIMESTAMP(3)', nullable: true },
    ]);
    expect(sample.rows).toEqual([{ id: 7, name: 'lamp', flag: 1, at: '2026-12-07 10:00:00.500' }]);
  });
});

describe('NATS connections', () => {
  let nc: NatsConnection;
  const stream = `PROBE_${suffix}`;
  beforeAll(async () => {
    nc = await natsConnect({ servers: '127.0.0.1:4222' });
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: stream, subjects: [`probe_${suffix}.>`] });
    const js = nc.jetstream();
    for (let i = 1; i <= 3; i++) await js.publish(`probe_${suffix}.orders`, JSON.stringify({ id: i, at: `2026-12-07T10:00:0${i}Z`, customer: { name: `c${i}` }, items: [i] }));
    await js.publish(`probe_${suffix}.other`, 'not json');
  });
  afterAll(async () => {
    await (await nc.jetstreamManager()).streams.delete(stream);
    await nc.close();
  });

  it('lists streams and subjects, and samples a subject of a stream into an inferred DDL', async () => {
    const { items } = await browseConnection('nats', { servers: 'nats://127.0.0.1:4222' });
    expect(items).toContainEqual({ name: `stream:${stream}`, kind: 'stream', path: [stream], detail: `4 messages; subjects probe_${suffix}.>` });
    const sample = await sampleConnection('nats', { servers: 'nats://127.0.0.1:4222' }, { object: `probe_${suffix}.orders`, maxRows: 10, maxSeconds: 3 });
    expect(sample.rows).toHaveLength(3);
    expect(sample.format).toBe('json');
    expect(sample.timedOut).toBe(false);
    expect(sample.ddl).toBe(
      `CREATE TABLE orders (\n  \`id\` INT,\n  \`at\` TIMESTAMP_LTZ(3),\n  \`customer\` ROW<\`name\` STRING>,\n  \`items\` ARRAY<INT>,\n  WATERMARK FOR \`at\` AS \`at\` - INTERVAL '5' SECOND\n) WITH (\n  'connector' = 'nats',\n  'subject' = 'probe_${suffix}.orders',\n  'stream' = '${stream}',\n  'format' = 'json',\n  'json.timestamp-format.standard' = 'ISO-8601'\n)`,
    );
  });

  it('listens live on a core subject until maxSeconds', async () => {
    const subject = `live_${suffix}`;
    const timer = setInterval(() => nc.publish(subject, JSON.stringify({ n: 1 })), 50);
    const sample = await sampleConnection('nats', { servers: 'nats://127.0.0.1:4222' }, { object: subject, maxRows: 3, maxSeconds: 5 });
    clearInterval(timer);
    expect(sample.rows).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
  });
});

describe('Redis, RabbitMQ and MQTT connections', () => {
  it('samples a Redis stream and lists it among the key patterns', async () => {
    const redis = new Redis('redis://127.0.0.1:6379');
    const key = `probe:${suffix}:events`;
    await redis.xadd(key, '*', 'id', '1', 'name', 'x');
    await redis.set(`probe:${suffix}:user:1`, JSON.stringify({ id: 1 }));
    try {
      const { items } = await browseConnection('redis', { url: 'redis://127.0.0.1:6379' });
      expect(items).toContainEqual({ name: `stream:${key}`, kind: 'stream', path: [key], detail: '1 entries' });
      expect(items).toContainEqual(expect.objectContaining({ name: `probe:${suffix}:user:*`, kind: 'key-pattern' }));
      const sample = await sampleConnection('redis', { url: 'redis://127.0.0.1:6379' }, { object: `stream:${key}`, maxRows: 5, maxSeconds: 2 });
      expect(sample.rows).toEqual([{ id: '1', name: 'x' }]);
      expect(sample.ddl).toContain("'connector' = 'redis',\n  'data-type' = 'stream',\n  'key' = '" + key + "'\n)");
    } finally {
      await redis.del(key, `probe:${suffix}:user:1`);
      redis.disconnect();
    }
  });

  it('peeks into a RabbitMQ queue without consuming, and names the user a wrong password belongs to', async () => {
    const queue = `probe_${suffix}`;
    const connection = await amqpConnect('amqp://guest:guest@127.0.0.1:5672');
    const channel = await connection.createChannel();
    await channel.assertQueue(queue, { autoDelete: false });
    channel.sendToQueue(queue, Buffer.from(JSON.stringify({ id: 1 })));
    channel.sendToQueue(queue, Buffer.from(JSON.stringify({ id: 2 })));
    try {
      const options = { uri: 'amqp://127.0.0.1:5672', username: 'guest', password: 'guest' };
      const sample = await sampleConnection('rabbitmq', options, { object: queue, maxRows: 10, maxSeconds: 2 });
      expect(sample.rows).toEqual([{ id: 1 }, { id: 2 }]);
      expect((await channel.checkQueue(queue)).messageCount).toBe(2);
      const wrong = await testConnection('rabbitmq', { ...options, password: 'not-the-password' });
      expect(wrong).toMatchObject({ ok: false, failure: 'AUTHENTICATION', message: expect.stringMatching(/^authentication failed for user 'guest' at RabbitMQ at amqp:\/\/127\.0\.0\.1:5672/) });
      expect(wrong.message).not.toContain('not-the-password');
    } finally {
      await channel.deleteQueue(queue);
      await connection.close();
    }
  });

  it('samples an MQTT topic live', async () => {
    const topic = `probe/${suffix}/readings`;
    const publisher = await mqtt.connectAsync('mqtt://127.0.0.1:1883');
    const timer = setInterval(() => publisher.publish(topic, JSON.stringify({ sensor: 's1', value: 1.5 })), 50);
    try {
      const sample = await sampleConnection('mqtt', { url: 'mqtt://127.0.0.1:1883' }, { object: topic, maxRows: 2, maxSeconds: 5 });
      expect(sample.columns).toEqual([{ name: 'sensor', type: 'STRING', nullable: false }, { name: 'value', type: 'DOUBLE', nullable: false }]);
      expect(sample.ddl).toContain("'topic' = 'probe/" + suffix + "/readings'");
    } finally {
      clearInterval(timer);
      await publisher.endAsync();
    }
  });
});

describe('file, HTTP and Kafka connections', () => {
  let dir: string;
  let server: HttpServer;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'weir-probe-'));
    await writeFile(join(dir, 'prices.csv'), 'sku,price,label\nA1,2.5,"x, y"\nB2,3,z\n');
    server = createHttpServer((req, res) => {
      if (req.headers.authorization !== 'Bearer t0ken') return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ code: 'EUR', rate: 1.1 }]));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    server.close();
  });

  it('reads a CSV file by its header', async () => {
    expect((await browseConnection('filesystem', { path: dir })).items).toEqual([{ name: 'prices.csv', kind: 'file', path: ['prices.csv'], detail: '37 bytes' }]);
    const sample = await sampleConnection('filesystem', { path: dir }, { object: 'prices.csv', maxRows: 10, maxSeconds: 2 });
    expect(sample.rows).toEqual([{ sku: 'A1', price: 2.5, label: 'x, y' }, { sku: 'B2', price: 3, label: 'z' }]);
    expect(sample.columns.map((c) => c.type)).toEqual(['STRING', 'DOUBLE', 'STRING']);
    expect(sample.ddl).toContain(`'path' = '${dir}/prices.csv',\n  'format' = 'csv'`);
  });

  it('calls an HTTP endpoint with the connection headers, and tells a refused token', async () => {
    const sample = await sampleConnection('http', { url: base, 'headers.Authorization': 'Bearer t0ken' }, { object: '/rates', maxRows: 10, maxSeconds: 2 });
    expect(sample.rows).toEqual([{ code: 'EUR', rate: 1.1 }]);
    expect(sample.ddl).toContain(`'url' = '${base}/rates'`);
    expect(await testConnection('http', { url: base })).toMatchObject({ ok: false, failure: 'AUTHENTICATION' });
  });

  it('reports an unreachable Kafka cluster as refused (no broker runs here)', async () => {
    expect(await testConnection('kafka', { 'properties.bootstrap.servers': '127.0.0.1:1' })).toMatchObject({ ok: false, failure: 'REFUSED' });
  });
});
