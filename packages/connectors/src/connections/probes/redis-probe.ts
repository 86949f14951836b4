import { Redis } from 'ioredis';
import type { ConnectionObject } from '@weir/contracts';
import { redactUrl } from '../../common/redact-url';
import type { ConnectionProbe, RawSample } from '../connection-probe';
import { ProbeFailure } from '../connection-failure';

const SCAN_LIMIT = 2_000;

async function open(options: Record<string, string>, timeoutMs: number): Promise<Redis> {
  const redis = new Redis(options.url, {
    ...(options.password !== undefined ? { password: options.password } : {}),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  await redis.connect();
  return redis;
}

/** `user:42` → `user:*`; a key without a separator stands for itself. */
function patternOf(key: string): string {
  const at = Math.max(key.lastIndexOf(':'), key.lastIndexOf('.'));
  return at < 0 ? key : `${key.slice(0, at + 1)}*`;
}

/** A message of a stream entry or hash: its fields, as the JSON the sample shows. */
function fieldsAsJson(pairs: string[] | Record<string, string>): string {
  if (!Array.isArray(pairs)) return JSON.stringify(pairs);
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) record[pairs[i]] = pairs[i + 1];
  return JSON.stringify(record);
}

export const redisProbe: ConnectionProbe = {
  endpoint: (o) => `Redis at ${redactUrl(o.url ?? '')}`,
  async test(options, timeoutMs) {
    const redis = await open(options, timeoutMs);
    try {
      const info = await redis.info('server');
      return { server: `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? ''}`.trim() };
    } finally {
      redis.disconnect();
    }
  },
  async objects(options, timeoutMs) {
    const redis = await open(options, timeoutMs);
    try {
      const patterns = new Map<string, { key: string; count: number }>();
      let cursor = '0';
      let seen = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const pattern = patternOf(key);
          const entry = patterns.get(pattern) ?? { key, count: 0 };
          entry.count++;
          patterns.set(pattern, entry);
        }
        seen += keys.length;
      } while (cursor !== '0' && seen < SCAN_LIMIT);
      const items: ConnectionObject[] = [];
      for (const [pattern, { key, count }] of patterns) {
        const type = await redis.type(key);
        if (type === 'stream') items.push({ name: `stream:${key}`, kind: 'stream', path: [key], detail: `${await redis.xlen(key)} entries` });
        else items.push({ name: pattern, kind: 'key-pattern', path: [pattern], detail: `${count}${cursor === '0' ? '' : '+'} ${type} key${count === 1 ? '' : 's'}` });
      }
      return { items, ...(cursor === '0' ? {} : { hint: `listed the patterns of the first ${seen} keys` }) };
    } finally {
      redis.disconnect();
    }
  },
  async sample(options, object, limits): Promise<RawSample> {
    const redis = await open(options, Math.min(5_000, limits.maxSeconds * 1000));
    try {
      if (object.startsWith('stream:')) {
        const key = object.slice('stream:'.length);
        if ((await redis.type(key)) !== 'stream') throw new ProbeFailure('NOT_FOUND', `'${key}' is not a Redis stream`);
        const entries = await redis.xrevrange(key, '+', '-', 'COUNT', limits.maxRows);
        return { kind: 'messages', messages: entries.reverse().map(([, fields]) => fieldsAsJson(fields)), timedOut: false };
      }
      const messages: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', object, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          if (messages.length >= limits.maxRows) break;
          const type = await redis.type(key);
          if (type === 'string') messages.push((await redis.get(key)) ?? 'null');
          else if (type === 'hash') messages.push(fieldsAsJson(await redis.hgetall(key)));
          else if (type === 'list') messages.push(...(await redis.lrange(key, 0, limits.maxRows - messages.length - 1)));
        }
      } while (cursor !== '0' && messages.length < limits.maxRows);
      if (messages.length === 0) throw new ProbeFailure('NOT_FOUND', `no string, hash or list key matches '${object}'`);
      return { kind: 'messages', messages, timedOut: false };
    } finally {
      redis.disconnect();
    }
  },
};
