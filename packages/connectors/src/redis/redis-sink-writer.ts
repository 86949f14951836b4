import { Redis } from 'ioredis';
import { EngineError, formatField, type ConnectorTable, type PlanField, type Row, type RowBatch, type RowKinds, type SinkWriter } from '@weir/engine';
import { DeliveryTracker } from '../common/delivery-tracker';
import { redactUrl } from '../common/redact-url';
import { compileKey, type RedisSpec } from './redis-options';

/**
 * Writes rows as Redis data: `string` (SET key <format> [PX ttl]), `hash` (HSET key column value
 * …, NULL columns removed), `list` (RPUSH), `stream` (XADD key * column value …) or `pubsub`
 * (PUBLISH). -D deletes the key of a string or hash row; a list, stream or channel takes
 * inserts only. Each batch goes as one pipeline; a checkpoint waits until all are acknowledged
 * (at least once; string and hash rows are idempotent by key).
 */
export class RedisSinkWriter implements SinkWriter {
  private readonly redis: Redis;
  private readonly keyOf: (row: readonly unknown[]) => string;
  private readonly fields: PlanField[];
  /** Pipelines in flight before the job is held back. */
  private readonly deliveries = new DeliveryTracker(16);

  constructor(
    private readonly spec: RedisSpec,
    table: ConnectorTable,
  ) {
    this.fields = table.fields;
    this.keyOf = compileKey(spec.key, table.fields);
    this.redis = new Redis(spec.url, { lazyConnect: false, maxRetriesPerRequest: 5, enableOfflineQueue: true });
    this.redis.on('error', () => undefined);
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    this.deliveries.check();
    const pipeline = this.redis.pipeline();
    const { dataType, ttlMs } = this.spec;
    for (let i = 0; i < rows.length; i++) {
      const kind = kinds?.[i] ?? 0;
      if (kind === 1) continue;
      const row = rows[i];
      const key = this.keyOf(row);
      if (kind === 3) {
        if (dataType !== 'string' && dataType !== 'hash') throw new EngineError(`redis sink (${dataType} '${key}') cannot take a delete: only 'string' and 'hash' tables keep rows by key`, { code: 'SINK_CHANGELOG', domain: 'user' });
        pipeline.del(key);
        continue;
      }
      switch (dataType) {
        case 'string':
          if (ttlMs) pipeline.set(key, Buffer.from(this.spec.format.encode(row)), 'PX', ttlMs);
          else pipeline.set(key, Buffer.from(this.spec.format.encode(row)));
          break;
        case 'hash': {
          const present = this.fieldValues(row);
          const missing = this.fields.filter((_, c) => row[c] === null || row[c] === undefined).map((f) => f.name);
          if (present.length > 0) pipeline.hset(key, ...present);
          if (missing.length > 0) pipeline.hdel(key, ...missing);
          if (ttlMs) pipeline.pexpire(key, ttlMs);
          break;
        }
        case 'list':
          pipeline.rpush(key, Buffer.from(this.spec.format.encode(row)));
          if (ttlMs) pipeline.pexpire(key, ttlMs);
          break;
        case 'stream':
          pipeline.xadd(key, '*', ...this.fieldValues(row));
          break;
        case 'pubsub':
          pipeline.publish(key, Buffer.from(this.spec.format.encode(row)));
          break;
      }
    }
    if (pipeline.length === 0) return;
    const written = pipeline.exec().then((results) => {
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
    });
    this.deliveries.track(written, (error) => this.error(error));
  }

  finish(): void {
    this.deliveries.drain();
  }

  prepareSnapshot(): void {
    this.deliveries.drain();
  }

  pending(): Promise<void> | null {
    return this.deliveries.pending();
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Column/value pairs of the non-NULL columns, values as SQL text. */
  private fieldValues(row: Row): string[] {
    const out: string[] = [];
    this.fields.forEach((f, c) => {
      if (row[c] !== null && row[c] !== undefined) out.push(f.name, formatField(row[c], f.type));
    });
    return out;
  }

  private error(error: unknown): EngineError {
    return new EngineError(`cannot write to Redis at ${redactUrl(this.spec.url)} (${this.spec.dataType} '${this.spec.key}'): ${(error as Error).message}`, { code: 'REDIS_FAILED', domain: 'external', cause: error });
  }
}

