import { Redis } from 'ioredis';
import { EngineError, formatField, type ConnectorTable, type PlanField, type Row, type RowBatch, type RowKinds, type SinkWriter } from '@weir/engine';
import { compileKey, type RedisSpec } from './redis-options';

/** Pipelines in flight before the job is held back. */
const MAX_IN_FLIGHT = 16;

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
  private inFlight = 0;
  private failure: unknown;
  private draining = false;
  private waiters: (() => void)[] = [];

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
    this.check();
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
    this.inFlight++;
    pipeline.exec().then(
      (results) => {
        const failed = results?.find(([error]) => error);
        if (failed) this.failure ??= this.error(failed[0] as Error);
        this.settled();
      },
      (error: unknown) => {
        this.failure ??= this.error(error);
        this.settled();
      },
    );
  }

  finish(): void {
    this.draining = true;
  }

  prepareSnapshot(): void {
    this.draining = true;
  }

  pending(): Promise<void> | null {
    this.check();
    if (this.inFlight === 0) {
      this.draining = false;
      return null;
    }
    if (!this.draining && this.inFlight < MAX_IN_FLIGHT) return null;
    return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.check());
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

  /** Waiters resume once the writer has room again, or, while it drains, once nothing is in flight. */
  private settled(): void {
    this.inFlight--;
    if (this.failure === undefined && (this.draining ? this.inFlight > 0 : this.inFlight >= MAX_IN_FLIGHT)) return;
    for (const resume of this.waiters.splice(0)) resume();
  }

  private error(error: unknown): EngineError {
    return new EngineError(`cannot write to Redis at ${redact(this.spec.url)} (${this.spec.dataType} '${this.spec.key}'): ${(error as Error).message}`, { code: 'REDIS_FAILED', domain: 'external', cause: error });
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
