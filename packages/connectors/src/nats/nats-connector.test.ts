import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { openDirectoryStorage } from '@weir/engine';
import { runSql, until } from '../testing/run-sql';

const SERVERS = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
let nc: NatsConnection;
let jsm: JetStreamManager;
const streams: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  nc = await connect({ servers: SERVERS });
  jsm = await nc.jetstreamManager();
});

afterAll(async () => {
  for (const stream of streams) await jsm.streams.delete(stream).catch(() => undefined);
  await nc.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A stream of its own for each test, with subjects `<name>.>`. */
async function newStream(): Promise<string> {
  const name = `weir_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await jsm.streams.add({ name, subjects: [`${name}.>`] });
  streams.push(name);
  return name;
}

async function publish(subject: string, messages: (string | object)[]): Promise<void> {
  const js = nc.jetstream();
  for (const m of messages) await js.publish(subject, new TextEncoder().encode(typeof m === 'string' ? m : JSON.stringify(m)));
}

function sourceDdl(stream: string, extra = ''): string {
  return `CREATE TABLE orders (id BIGINT, item STRING, price DECIMAL(10, 2), ts TIMESTAMP(3)) WITH (
    'connector' = 'nats', 'servers' = '${SERVERS}', 'stream' = '${stream}', 'subject' = '${stream}.orders', 'format' = 'json'${extra});
  CREATE TABLE out (id BIGINT, item STRING, price DECIMAL(10, 2), ts TIMESTAMP(3)) WITH ('connector' = 'print');
  INSERT INTO out SELECT * FROM orders;`;
}

const order = (id: number) => ({ id, item: `item-${id}`, price: id + 0.25, ts: `2024-01-01 10:00:0${id % 10}` });

describe('nats connector: JetStream source', () => {
  it('reads JSON messages up to the latest offset at start and ends (scan.bounded.mode)', async () => {
    const stream = await newStream();
    await publish(`${stream}.orders`, [order(1), order(2), order(3)]);
    const { job, lines } = runSql(sourceDdl(stream, ", 'scan.bounded.mode' = 'latest-offset'"));
    await job.done;
    expect(lines).toEqual(['+I[1, item-1, 1.25, 2024-01-01T10:00:01]', '+I[2, item-2, 2.25, 2024-01-01T10:00:02]', '+I[3, item-3, 3.25, 2024-01-01T10:00:03]']);
  });

  it('ends at once on an empty stream when bounded, and starts at a given sequence', async () => {
    const empty = await newStream();
    const first = runSql(sourceDdl(empty, ", 'scan.bounded.mode' = 'latest-offset'"));
    await first.job.done;
    expect(first.lines).toEqual([]);
    const stream = await newStream();
    await publish(`${stream}.orders`, [order(1), order(2), order(3)]);
    const { job, lines } = runSql(sourceDdl(stream, ", 'scan.bounded.mode' = 'latest-offset', 'scan.startup.mode' = 'specific-offset', 'scan.startup.specific-offset' = '2'"));
    await job.done;
    expect(lines.map((l) => l.slice(0, 5))).toEqual(['+I[2,', '+I[3,']);
  });

  it('fails on a malformed message naming the stream, subject, sequence and parse error', async () => {
    const stream = await newStream();
    await publish(`${stream}.orders`, [order(1), '{"id": 2, "item": ', order(3)]);
    const { job } = runSql(sourceDdl(stream, ", 'scan.bounded.mode' = 'latest-offset'"));
    await expect(job.done).rejects.toThrow(`cannot read message 2 of JetStream stream '${stream}' (subject '${stream}.orders'): malformed JSON`);
  });

  it('skips malformed messages when scan.parse-error.policy is skip, counting them in the source\'s recordsSkipped', async () => {
    const stream = await newStream();
    await publish(`${stream}.orders`, [order(1), 'not json', { id: 'x' }, order(4)]);
    const { job, lines } = runSql(sourceDdl(stream, ", 'scan.bounded.mode' = 'latest-offset', 'scan.parse-error.policy' = 'skip'"));
    await job.done;
    expect(lines.map((l) => l.slice(0, 5))).toEqual(['+I[1,', '+I[4,']);
    expect(job.metrics().find((m) => m.name === 'Source: orders')).toMatchObject({ recordsOut: 2, recordsSkipped: 2 });
  });

  it('restores from a savepoint at the stream sequence: nothing lost, nothing doubled', async () => {
    const stream = await newStream();
    const dir = mkdtempSync(join(tmpdir(), 'weir-nats-'));
    dirs.push(dir);
    const storage = openDirectoryStorage(dir);
    await publish(`${stream}.orders`, [1, 2, 3, 4, 5].map(order));
    const first = runSql(sourceDdl(stream), { checkpointing: { storage, config: { enabled: true, intervalMs: 60_000 } } });
    await until(() => first.lines.length === 5, 10_000, 'the first five rows');
    const savepoint = await first.job.stop({ savepoint: true });
    await first.job.done;
    await publish(`${stream}.orders`, [6, 7, 8].map(order));
    const second = runSql(sourceDdl(stream), {
      checkpointing: { storage, config: { enabled: true, intervalMs: 60_000 }, restore: { storage, path: (savepoint?.location ?? '').slice(storage.uri.length + 1) } },
    });
    await until(() => second.lines.length >= 3, 10_000, 'the rows after the savepoint');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await second.job.stop();
    expect([...first.lines, ...second.lines].map((l) => l.slice(0, 5))).toEqual(['+I[1,', '+I[2,', '+I[3,', '+I[4,', '+I[5,', '+I[6,', '+I[7,', '+I[8,']);
  });

  it('acknowledges a durable consumer on each completed checkpoint, so a fresh start goes on after it', async () => {
    const stream = await newStream();
    const dir = mkdtempSync(join(tmpdir(), 'weir-nats-'));
    dirs.push(dir);
    const storage = openDirectoryStorage(dir);
    const durable = ", 'consumer.durable-name' = 'weir-orders'";
    await publish(`${stream}.orders`, [1, 2, 3].map(order));
    const first = runSql(sourceDdl(stream, durable), { checkpointing: { storage, config: { enabled: true, intervalMs: 60_000 } } });
    await until(() => first.lines.length === 3, 10_000, 'three rows');
    await first.job.triggerCheckpoint();
    await first.job.stop();
    await until(async () => (await jsm.consumers.info(stream, 'weir-orders')).ack_floor.stream_seq === 3, 5_000, 'the ack floor at 3');
    await publish(`${stream}.orders`, [4, 5].map(order));
    const second = runSql(sourceDdl(stream, `${durable}, 'scan.bounded.mode' = 'latest-offset'`));
    await second.job.done;
    expect(second.lines.map((l) => l.slice(0, 5))).toEqual(['+I[4,', '+I[5,']);
  });
});

describe('nats connector: core subjects and sinks', () => {
  it('reads a core NATS subject with wildcards, at most once, while it runs', async () => {
    const subject = `weir_core_${randomUUID().slice(0, 8)}`;
    const { job, lines } = runSql(`CREATE TABLE events (name STRING) WITH ('connector' = 'nats', 'servers' = '${SERVERS}', 'subject' = '${subject}.*');
      CREATE TABLE out (name STRING) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM events;`);
    // The subscription exists once the reader is connected; publish until the first message arrives.
    await until(() => {
      nc.publish(`${subject}.a`, new TextEncoder().encode('{"name":"first"}'));
      return lines.length > 0;
    }, 10_000, 'the first core message');
    nc.publish(`${subject}.b`, new TextEncoder().encode('{"name":"second"}'));
    await until(() => lines.includes('+I[second]'), 5_000, 'the message on another subject of the wildcard');
    await job.stop();
  });

  it('publishes rows to a JetStream stream, each message exactly once with its message id', async () => {
    const stream = await newStream();
    const { job } = runSql(`CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '500', 'fields.name.length' = '4');
      CREATE TABLE sink (id BIGINT, name STRING) WITH ('connector' = 'nats', 'servers' = '${SERVERS}', 'stream' = '${stream}', 'subject' = '${stream}.out', 'sink.delivery-guarantee' = 'exactly-once');
      INSERT INTO sink SELECT * FROM src;`);
    await job.done;
    const info = await jsm.streams.info(stream);
    expect(info.state.messages).toBe(500);
    const last = await jsm.streams.getMessage(stream, { last_by_subj: `${stream}.out` });
    expect(JSON.parse(new TextDecoder().decode(last.data))).toMatchObject({ id: 500 });
    expect(last.header.get('Nats-Msg-Id')).toMatch(/\/0\/0\/499$/);
  });

  it('reports bad options at the option: a bounded core subject, an unknown startup mode', async () => {
    const { allConnectors } = await import('../index');
    const nats = allConnectors().require('nats');
    const table = (options: Record<string, string>) => ({ table: 't', options: { connector: 'nats', servers: SERVERS, subject: 's', ...options }, fields: [] });
    expect(nats.validate?.(table({ 'scan.bounded.mode': 'latest-offset' }), 'source')).toEqual([
      { code: 'OPTION_INVALID', message: "option 'scan.bounded.mode' needs a JetStream 'stream': core NATS subjects keep no messages to replay", option: 'scan.bounded.mode' },
    ]);
    expect(nats.validate?.(table({ stream: 'x', 'scan.startup.mode': 'group-offsets' }), 'source')?.[0]).toMatchObject({ option: 'scan.startup.mode', message: expect.stringContaining("must be 'earliest-offset', 'latest-offset', 'timestamp' or 'specific-offset'") });
  });

  it('reads Debezium messages as a changelog that an aggregate retracts', async () => {
    const stream = await newStream();
    const change = (op: string, before: object | null, after: object | null) => ({ before, after, op });
    await publish(`${stream}.cdc`, [
      change('c', null, { id: 1, item: 'tea', qty: 2 }),
      change('c', null, { id: 2, item: 'tea', qty: 3 }),
      change('u', { id: 1, item: 'tea', qty: 2 }, { id: 1, item: 'jam', qty: 2 }),
      change('d', { id: 2, item: 'tea', qty: 3 }, null),
    ]);
    const { job, lines } = runSql(`CREATE TABLE orders (id INT, item STRING, qty INT) WITH ('connector' = 'nats', 'servers' = '${SERVERS}', 'stream' = '${stream}',
        'subject' = '${stream}.cdc', 'format' = 'debezium-json', 'scan.bounded.mode' = 'latest-offset');
      CREATE TABLE out (item STRING, total BIGINT) WITH ('connector' = 'print');
      INSERT INTO out SELECT item, SUM(qty) FROM orders GROUP BY item;`);
    await job.done;
    expect(lines).toEqual(['+I[tea, 2]', '-U[tea, 2]', '+U[tea, 5]', '-U[tea, 5]', '+U[tea, 3]', '+I[jam, 2]', '-D[tea, 3]']);
  });
});
