import { Redis } from 'ioredis';
import { EngineError, parseField, type ConnectorTable, type LookupSource, type PlanField, type Row } from '@weir/engine';
import { compileKey, type RedisSpec } from './redis-options';
import { redactUrl } from '../common/redact-url';

/**
 * Lookups by key: the key template filled from the join's key values, then GET (a `string`
 * table, the value read with the table's format) or HGETALL (a `hash` table, one field per
 * column, read as SQL text). A missing key is no match.
 */
export class RedisLookupSource implements LookupSource {
  private readonly redis: Redis;
  private readonly keyOf: (row: readonly unknown[]) => string;
  private readonly fields: PlanField[];
  private readonly lookupKeys: number[];

  constructor(
    private readonly spec: RedisSpec,
    table: ConnectorTable,
  ) {
    this.fields = table.fields;
    this.lookupKeys = table.lookupKeys ?? [];
    this.keyOf = compileKey(spec.key, table.fields);
    this.redis = new Redis(spec.url, { maxRetriesPerRequest: 3 });
    this.redis.on('error', () => undefined);
  }

  async lookup(key: Row): Promise<Row[]> {
    const probe: unknown[] = new Array(this.fields.length).fill(null);
    this.lookupKeys.forEach((column, i) => (probe[column] = key[i]));
    const redisKey = this.keyOf(probe);
    try {
      if (this.spec.dataType === 'string') {
        const value = await this.redis.getBuffer(redisKey);
        if (value === null) return [];
        return this.spec.format.decode(value).map((change) => change.row);
      }
      const hash = await this.redis.hgetall(redisKey);
      if (Object.keys(hash).length === 0) return [];
      return [this.fields.map((f) => (hash[f.name] === undefined ? null : parseField(hash[f.name], f.type)))];
    } catch (error) {
      throw new EngineError(`cannot look up '${redisKey}' in Redis at ${redactUrl(this.spec.url)}: ${(error as Error).message}`, { code: 'REDIS_FAILED', domain: 'external', cause: error });
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
