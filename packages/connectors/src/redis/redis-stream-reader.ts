import { Redis } from 'ioredis';
import { EngineError, parseField, type ConnectorTable, type PlanField } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import type { RedisSpec } from './redis-options';
import { redactUrl } from '../common/redact-url';

const BUFFER_ROWS = 8192;
const COUNT = 512;
const BLOCK_MS = 500;

/** Orders stream ids (`<ms>-<seq>`). */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am !== bm ? (am < bm ? -1 : 1) : as === bs ? 0 : as < bs ? -1 : 1;
}

/**
 * Reads a Redis Stream, one entry a row (one field per column, as SQL text). The position is the
 * id of the last entry polled; a restore reads on after it. With `stream.group` it reads through
 * a consumer group and acknowledges (XACK) what a completed checkpoint holds, so a fresh start
 * goes on where the group left off; without, it reads with XREAD from `scan.startup.mode`.
 */
export class RedisStreamReader extends BufferedSourceReader<string> {
  private redis: Redis | undefined;
  private readonly fields: PlanField[];
  private unacked: string[] = [];

  constructor(
    private readonly spec: RedisSpec,
    table: ConnectorTable,
    private readonly reads: boolean,
  ) {
    super(BUFFER_ROWS);
    this.fields = table.fields;
  }

  protected async fetch(from: string | undefined): Promise<void> {
    if (!this.reads) return;
    const redis = (this.redis = new Redis(this.spec.url, { maxRetriesPerRequest: 5 }));
    redis.on('error', () => undefined);
    const key = this.spec.key;
    const { group, consumer } = this.spec;
    try {
      const info = (await redis.exists(key)) === 1 ? ((await redis.xinfo('STREAM', key)) as unknown[]) : undefined;
      const lastAtStart = info ? String(info[info.indexOf('last-generated-id') + 1]) : '0-0';
      const end = this.spec.bounded === 'latest-offset' ? lastAtStart : undefined;
      let last = from ?? (this.spec.startup === 'latest-offset' ? lastAtStart : '0-0');
      this.startsAt(last);
      if (end !== undefined && compareIds(last, end) >= 0) return;
      if (group) {
        await redis.xgroup('CREATE', key, group, this.spec.startup === 'latest-offset' ? '$' : '0', 'MKSTREAM').catch((error: Error) => {
          if (!/BUSYGROUP/.test(error.message)) throw error;
        });
      }
      // A group member first re-reads what it was sent but never acknowledged (its pending list), then new entries.
      let cursor = group ? '0' : last;
      while (!this.closed) {
        const reply = group
          ? ((await redis.xreadgroup('GROUP', group, consumer, 'COUNT', COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', key, cursor)) as [string, [string, string[]][]][] | null)
          : ((await redis.xread('COUNT', COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', key, cursor)) as [string, [string, string[]][]][] | null);
        const entries = reply?.[0]?.[1] ?? [];
        if (group && cursor !== '>' && entries.length === 0) cursor = '>';
        for (const [id, values] of entries) {
          if (end !== undefined && compareIds(id, end) > 0) return;
          if (!group) cursor = id;
          else if (cursor !== '>') cursor = id;
          if (compareIds(id, last) <= 0) {
            // Emitted before the checkpoint this run restored: acknowledge it with the next checkpoint.
            if (group) this.unacked.push(id);
            continue;
          }
          last = id;
          if (group) this.unacked.push(id);
          const row = this.decode(id, values);
          if (row) this.push(row, id);
          else this.skipRecord(id);
          if (end !== undefined && compareIds(id, end) >= 0) return;
        }
        if (end !== undefined && entries.length === 0 && (!group || cursor === '>') && compareIds(last, end) >= 0) return;
        const room = this.room();
        if (room) await room;
      }
    } catch (error) {
      if (this.closed) return;
      if (error instanceof EngineError) throw error;
      throw new EngineError(`cannot read Redis stream '${key}' at ${redactUrl(this.spec.url)}: ${(error as Error).message}`, { code: 'REDIS_FAILED', domain: 'external', cause: error });
    }
  }

  async checkpointComplete(position: unknown): Promise<void> {
    if (!this.spec.group || !this.redis) return;
    const upTo = position as string;
    const done = this.unacked.filter((id) => compareIds(id, upTo) <= 0);
    if (done.length === 0) return;
    this.unacked = this.unacked.filter((id) => compareIds(id, upTo) > 0);
    await this.redis.xack(this.spec.key, this.spec.group, ...done);
  }

  protected async shutdown(): Promise<void> {
    this.redis?.disconnect();
  }

  private decode(id: string, values: string[]): unknown[] | null {
    const byName = new Map<string, string>();
    for (let i = 0; i + 1 < values.length; i += 2) byName.set(values[i], values[i + 1]);
    try {
      return this.fields.map((f) => {
        const text = byName.get(f.name);
        return text === undefined ? null : parseField(text, f.type);
      });
    } catch (error) {
      if (this.spec.parseErrors === 'skip') return null;
      throw new EngineError(`cannot read entry ${id} of Redis stream '${this.spec.key}': ${(error as Error).message}`, { code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { stream: this.spec.key, id }, cause: error });
    }
  }
}
