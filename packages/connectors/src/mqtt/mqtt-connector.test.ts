import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql, until } from '../testing/run-sql';

const URL = 'mqtt://127.0.0.1:1883';
let client: MqttClient;
const base = `weir/test/${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  client = await mqtt.connectAsync(URL);
});

afterAll(async () => {
  await client.endAsync();
});

describe('mqtt connector', () => {
  it('subscribes with a wildcard at QoS 1 and reads JSON messages of every matching topic', async () => {
    const { job, lines } = runSql(`CREATE TABLE t (sensor STRING, celsius DOUBLE) WITH ('connector' = 'mqtt', 'url' = '${URL}', 'topic' = '${base}/sensors/+', 'qos' = '1');
      CREATE TABLE out (sensor STRING, celsius DOUBLE) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM t;`);
    // Published until the subscription is in place (the first message tells).
    await until(async () => {
      await client.publishAsync(`${base}/sensors/a`, JSON.stringify({ sensor: 'a', celsius: 21.5 }), { qos: 1 });
      return lines.length > 0;
    }, 10_000, 'the subscription');
    await client.publishAsync(`${base}/sensors/b`, JSON.stringify({ sensor: 'b', celsius: -3 }), { qos: 1 });
    await client.publishAsync(`${base}/other/c`, JSON.stringify({ sensor: 'c', celsius: 0 }), { qos: 1 });
    await until(() => lines.includes('+I[b, -3.0]'), 5_000, 'the message on the second topic');
    await job.stop();
    expect(lines.every((l) => l === '+I[a, 21.5]' || l === '+I[b, -3.0]')).toBe(true);
  });

  it('shares a subscription: two jobs of one group split the messages between them', async () => {
    const sql = `CREATE TABLE t (n INT) WITH ('connector' = 'mqtt', 'url' = '${URL}', 'topic' = '$share/weir/${base}/shared');
      CREATE TABLE out (n INT) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM t;`;
    const one = runSql(sql);
    const two = runSql(sql);
    let n = 0;
    await until(async () => {
      await client.publishAsync(`${base}/shared`, JSON.stringify({ n: n++ }), { qos: 1 });
      return one.lines.length > 0 && two.lines.length > 0;
    }, 10_000, 'messages reaching both members');
    await Promise.all([one.job.stop(), two.job.stop()]);
    const seen = [...one.lines, ...two.lines];
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('publishes rows at QoS 1, each acknowledged before the job ends', async () => {
    const received: string[] = [];
    const topic = `${base}/out`;
    await client.subscribeAsync(topic, { qos: 1 });
    client.on('message', (t, payload) => {
      if (t === topic) received.push(payload.toString());
    });
    const { job } = runSql(`CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '50', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '50');
      CREATE TABLE snk (id BIGINT) WITH ('connector' = 'mqtt', 'url' = '${URL}', 'topic' = '${topic}', 'qos' = '1');
      INSERT INTO snk SELECT * FROM src;`);
    await job.done;
    await until(() => received.length === 50, 5_000, 'fifty messages');
    expect(received[49]).toBe('{"id":50}');
  });
});
