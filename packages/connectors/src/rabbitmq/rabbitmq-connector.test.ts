import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectoryStorage } from '@weir/engine';
import { runSql, until } from '../testing/run-sql';

const URI = 'amqp://guest:guest@127.0.0.1:5672';
let connection: ChannelModel;
let channel: Channel;
const queues: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  connection = await connect(URI);
  channel = await connection.createChannel();
});

afterAll(async () => {
  for (const q of queues) await channel.deleteQueue(q).catch(() => undefined);
  await connection.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function newQueue(): Promise<string> {
  const name = `weir_test_${randomUUID().slice(0, 8)}`;
  await channel.assertQueue(name, { durable: true });
  queues.push(name);
  return name;
}

function send(queue: string, id: number, messageId = `m${id}`): void {
  channel.sendToQueue(queue, Buffer.from(JSON.stringify({ id, name: `n${id}` })), { messageId, persistent: true });
}

const sourceSql = (queue: string) => `CREATE TABLE q (id BIGINT, name STRING) WITH ('connector' = 'rabbitmq', 'uri' = '${URI}', 'queue' = '${queue}', 'format' = 'json');
  CREATE TABLE out (id BIGINT, name STRING) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM q;`;

describe('rabbitmq connector', () => {
  it('acknowledges on completed checkpoints: what no checkpoint held is redelivered to the restored run, and redeliveries of what one held are dropped by message id', async () => {
    const queue = await newQueue();
    for (let i = 1; i <= 3; i++) send(queue, i);
    const dir = mkdtempSync(join(tmpdir(), 'weir-rmq-'));
    dirs.push(dir);
    const storage = openDirectoryStorage(dir);
    const checkpointing = { storage, config: { enabled: true, intervalMs: 60_000 } };
    const first = runSql(sourceSql(queue), { checkpointing });
    await until(() => first.lines.length === 3, 10_000, 'three messages');
    const checkpoint = await first.job.triggerCheckpoint();
    // Polled after the checkpoint, so unacknowledged when the run dies: the broker must redeliver them.
    for (let i = 4; i <= 5; i++) send(queue, i);
    await until(() => first.lines.length === 5, 10_000, 'two more messages');
    await first.job.stop();
    expect((await channel.checkQueue(queue)).messageCount).toBe(2);
    const second = runSql(sourceSql(queue), { checkpointing: { ...checkpointing, restore: { storage, path: (checkpoint.location ?? '').slice(storage.uri.length + 1) } } });
    await until(() => second.lines.length >= 2, 10_000, 'the redelivered messages');
    send(queue, 2, 'm2');
    send(queue, 6);
    await until(() => second.lines.length >= 3, 10_000, 'a new message');
    await new Promise((r) => setTimeout(r, 300));
    await second.job.stop();
    // m2 is held by the restored checkpoint: arriving again (as a redelivery would) it is dropped.
    expect(second.lines).toEqual(['+I[4, n4]', '+I[5, n5]', '+I[6, n6]']);
  });

  it('publishes rows with publisher confirms and message ids, read back by a bounded-less run', async () => {
    const queue = await newQueue();
    const { job } = runSql(`CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '200', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '200', 'fields.name.length' = '3');
      CREATE TABLE snk (id BIGINT, name STRING) WITH ('connector' = 'rabbitmq', 'uri' = '${URI}', 'queue' = '${queue}');
      INSERT INTO snk SELECT * FROM src;`);
    await job.done;
    expect((await channel.checkQueue(queue)).messageCount).toBe(200);
    const first = await channel.get(queue, { noAck: true });
    expect(first && JSON.parse(first.content.toString())).toMatchObject({ id: 1 });
    expect(first && first.properties.messageId).toMatch(/\/0\/0\/0$/);
  });

  it('fails on a malformed message naming the queue and message id', async () => {
    const queue = await newQueue();
    channel.sendToQueue(queue, Buffer.from('{"id": '), { messageId: 'broken-1' });
    const { job } = runSql(sourceSql(queue));
    await expect(job.done).rejects.toThrow(`cannot read message broken-1 of RabbitMQ queue '${queue}': malformed JSON`);
  });
});
