import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectoryStorage } from '@weir/engine';
import { runSql, until } from '../testing/run-sql';

const URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
const prefix = `weir_test_${randomUUID().slice(0, 8)}`;
const dirs: string[] = [];

beforeAll(() => {
  redis = new Redis(URL);
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const source = `CREATE TABLE src (id BIGINT, name STRING, price DECIMAL(10, 2)) WITH ('connector' = 'datagen', 'number-of-rows' = '5',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5', 'fields.name.length' = '3', 'fields.price.min' = '1', 'fields.price.max' = '9');`;

describe('redis connector', () => {
  it('writes strings with a TTL and hashes by a key template, and deletes what the changelog retracts', async () => {
    const { job } = runSql(`${source}
      CREATE TABLE s (id BIGINT, name STRING, price DECIMAL(10, 2)) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'string', 'key' = '${prefix}:s:{id}', 'ttl' = '1 h');
      CREATE TABLE h (id BIGINT, name STRING, price DECIMAL(10, 2)) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'hash', 'key' = '${prefix}:h:{id}');
      INSERT INTO s SELECT * FROM src; INSERT INTO h SELECT * FROM src;`);
    await job.done;
    const value = JSON.parse((await redis.get(`${prefix}:s:3`)) as string);
    expect(value).toMatchObject({ id: 3, name: expect.any(String), price: expect.any(Number) });
    expect(await redis.pttl(`${prefix}:s:3`)).toBeGreaterThan(3_500_000);
    const hash = await redis.hgetall(`${prefix}:h:3`);
    expect(hash).toEqual({ id: '3', name: value.name, price: value.price.toFixed(2) });

    await redis.del(`${prefix}:counts:a`);
    const counts = runSql(`CREATE TABLE items (item STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '40', 'fields.item.length' = '1');
      CREATE TABLE c (item STRING, n BIGINT, PRIMARY KEY (item) NOT ENFORCED) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'hash', 'key' = '${prefix}:counts:{item}');
      INSERT INTO c SELECT item, COUNT(*) FROM items GROUP BY item;`);
    await counts.job.done;
    const keys = await redis.keys(`${prefix}:counts:*`);
    const total = (await Promise.all(keys.map((k) => redis.hget(k, 'n')))).reduce((a, n) => a + Number(n), 0);
    expect(total).toBe(40);
  });

  it('appends to a list and a stream, and looks rows up by key', async () => {
    await redis.set(`${prefix}:dim:2`, JSON.stringify({ id: 2, label: 'two' }));
    await redis.hset(`${prefix}:hdim:3`, { id: '3', label: 'three' });
    const { job, lines } = runSql(`${source}
      CREATE TABLE l (id BIGINT, name STRING, price DECIMAL(10, 2)) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'list', 'key' = '${prefix}:list');
      CREATE TABLE st (id BIGINT, name STRING, price DECIMAL(10, 2)) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'stream', 'key' = '${prefix}:stream');
      CREATE TABLE dim (id BIGINT, label STRING) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'string', 'key' = '${prefix}:dim:{id}');
      CREATE TABLE hdim (id BIGINT, label STRING) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'hash', 'key' = '${prefix}:hdim:{id}');
      CREATE TABLE p (id BIGINT, a STRING, b STRING) WITH ('connector' = 'print');
      CREATE VIEW v AS SELECT id, PROCTIME() AS proc FROM src;
      INSERT INTO l SELECT * FROM src; INSERT INTO st SELECT * FROM src;
      INSERT INTO p SELECT v.id, d.label, h.label FROM v LEFT JOIN dim FOR SYSTEM_TIME AS OF v.proc AS d ON v.id = d.id LEFT JOIN hdim FOR SYSTEM_TIME AS OF v.proc AS h ON v.id = h.id;`);
    await job.done;
    expect(await redis.llen(`${prefix}:list`)).toBe(5);
    expect(await redis.xlen(`${prefix}:stream`)).toBe(5);
    expect([...lines].sort()).toEqual(['+I[1, null, null]', '+I[2, two, null]', '+I[3, null, three]', '+I[4, null, null]', '+I[5, null, null]']);
  });

  it('reads a stream through a consumer group, restores after the last id and acknowledges on checkpoints', async () => {
    const key = `${prefix}:events`;
    for (let i = 1; i <= 4; i++) await redis.xadd(key, '*', 'id', String(i), 'name', `e${i}`);
    const sql = `CREATE TABLE ev (id BIGINT, name STRING) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'stream', 'key' = '${key}', 'stream.group' = 'g1');
      CREATE TABLE out (id BIGINT, name STRING) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM ev;`;
    const dir = mkdtempSync(join(tmpdir(), 'weir-redis-'));
    dirs.push(dir);
    const storage = openDirectoryStorage(dir);
    const first = runSql(sql, { checkpointing: { storage, config: { enabled: true, intervalMs: 60_000 } } });
    await until(() => first.lines.length === 4, 10_000, 'four entries');
    const savepoint = await first.job.stop({ savepoint: true });
    expect(await redis.xpending(key, 'g1')).toEqual([0, null, null, null]);
    for (let i = 5; i <= 6; i++) await redis.xadd(key, '*', 'id', String(i), 'name', `e${i}`);
    const second = runSql(sql, { checkpointing: { storage, config: { enabled: true, intervalMs: 60_000 }, restore: { storage, path: (savepoint?.location ?? '').slice(storage.uri.length + 1) } } });
    await until(() => second.lines.length >= 2, 10_000, 'the entries added while it was down');
    await new Promise((r) => setTimeout(r, 200));
    await second.job.stop();
    expect(second.lines).toEqual(['+I[5, e5]', '+I[6, e6]']);

    const bounded = runSql(`CREATE TABLE ev (id BIGINT, name STRING) WITH ('connector' = 'redis', 'url' = '${URL}', 'data-type' = 'stream', 'key' = '${key}', 'scan.bounded.mode' = 'latest-offset');
      CREATE TABLE out (id BIGINT, name STRING) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM ev;`);
    await bounded.job.done;
    expect(bounded.lines).toHaveLength(6);
  });
});
