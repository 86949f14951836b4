import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** One entry of a Redis stream whose single field `data` holds a JSON document. */
export interface StreamEntry {
  id: string;
  data: string;
}

/**
 * Reads a Redis stream as a member of a consumer group, hands batches to `handle`, and acks
 * them afterwards; with several API instances each entry is handled once. Entries a crashed
 * instance read but never acked are claimed back on start.
 */
export class GroupConsumer {
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly stream: string,
    private readonly group: string,
    private readonly consumer: string,
    private readonly handle: (entries: StreamEntry[]) => Promise<void>,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.stream, this.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    let cursor = '0';
    while (!this.stopped) {
      try {
        const reply = (await this.redis.xreadgroup(
          'GROUP', this.group, this.consumer,
          'COUNT', 500, 'BLOCK', 500,
          'STREAMS', this.stream, cursor,
        )) as [string, [string, string[]][]][] | null;
        const raw = reply?.[0]?.[1] ?? [];
        // Pending entries first (cursor 0), then new ones once the backlog is empty.
        if (cursor === '0' && raw.length === 0) cursor = '>';
        if (raw.length === 0) continue;
        const entries = raw.map(([id, fields]) => ({ id, data: fieldValue(fields, 'data') }));
        await this.handle(entries);
        await this.redis.xack(this.stream, this.group, ...entries.map((e) => e.id));
      } catch (error) {
        if (this.stopped) return;
        this.log.error({ err: error, stream: this.stream }, 'stream read failed');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
}

function fieldValue(fields: string[], name: string): string {
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1] ?? '';
  return '';
}
