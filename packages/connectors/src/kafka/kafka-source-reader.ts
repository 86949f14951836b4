import type { Admin, Consumer } from 'kafkajs';
import { EngineError, type ConnectorTable } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import { kafkaClient, kafkaError } from './kafka-client';
import { decodeRecord } from './kafka-codec';
import type { KafkaOffsetSpec, KafkaSpec } from './kafka-options';

/** The offset after one record: its topic-partition (`topic:partition`) and the next offset to read there. */
interface RecordPosition {
  tp: string;
  next: string;
}

const BUFFER_ROWS = 8192;

/**
 * Reads topics (or a topic pattern) with kafkajs. The checkpoint holds, per partition, the offset
 * after the last record polled; a restored run seeks there, so the output is exactly once with
 * checkpointing sinks. Without a restore it starts per `scan.startup.mode` and, bounded, ends once
 * every partition reached its `scan.bounded.mode` offset. Offsets are committed to
 * `properties.group.id` on completed checkpoints (for monitoring and `group-offsets`), never
 * trusted for recovery. One subtask reads every partition.
 */
export class KafkaSourceReader extends BufferedSourceReader<RecordPosition> {
  private consumer: Consumer | undefined;
  private admin: Admin | undefined;
  private readonly polled = new Map<string, string>();
  private restored: Map<string, string> | undefined;

  constructor(
    private readonly spec: KafkaSpec,
    private readonly table: ConnectorTable,
    private readonly reads: boolean,
    private readonly groupId: string,
  ) {
    super(BUFFER_ROWS, spec.valueFormat.changelog);
  }

  protected override onPolled(position: RecordPosition): void {
    this.polled.set(position.tp, position.next);
  }

  override snapshotPosition(): Record<string, string> {
    return Object.fromEntries(this.restored ? new Map([...this.restored, ...this.polled]) : this.polled);
  }

  override restorePosition(position: unknown): void {
    this.restored = new Map(Object.entries(position as Record<string, string>));
  }

  async checkpointComplete(position: unknown): Promise<void> {
    const offsets = Object.entries(position as Record<string, string>).map(([tp, offset]) => {
      const cut = tp.lastIndexOf(':');
      return { topic: tp.slice(0, cut), partition: Number(tp.slice(cut + 1)), offset };
    });
    if (offsets.length > 0) await this.consumer?.commitOffsets(offsets).catch(() => undefined);
  }

  protected async fetch(): Promise<void> {
    if (!this.reads) return;
    const { spec } = this;
    const kafka = kafkaClient(spec, 'source');
    const admin = (this.admin = kafka.admin());
    const consumer = (this.consumer = kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false }));
    let topics: string[];
    try {
      await admin.connect();
      topics = spec.topicPattern ? (await admin.listTopics()).filter((t) => spec.topicPattern?.test(t)) : spec.topics;
    } catch (error) {
      throw kafkaError(spec, `cannot reach the brokers for table '${this.table.table}'`, error);
    }
    const starts = new Map<string, string>();
    const ends = new Map<string, string>();
    for (const topic of topics) {
      const partitions = await admin.fetchTopicOffsets(topic).catch((error: unknown) => {
        throw kafkaError(spec, `cannot read the offsets of topic '${topic}'`, error);
      });
      const committed = spec.startup.mode === 'group-offsets' || spec.bounded.mode === 'group-offsets' ? await admin.fetchOffsets({ groupId: this.groupId, topics: [topic] }) : [];
      const at = async (which: KafkaOffsetSpec, partition: number, low: string, high: string): Promise<string | undefined> => {
        switch (which.mode) {
          case 'earliest-offset': return low;
          case 'latest-offset': return high;
          case 'group-offsets': {
            const offset = committed[0]?.partitions.find((p) => p.partition === partition)?.offset;
            return offset !== undefined && offset !== '-1' ? offset : low;
          }
          case 'timestamp': {
            const found = (await admin.fetchTopicOffsetsByTimestamp(topic, which.timestampMs)).find((p) => p.partition === partition)?.offset;
            return found === undefined || found === '-1' ? high : found;
          }
          case 'specific-offsets': return which.offsets.get(partition) ?? low;
          default: return undefined;
        }
      };
      for (const { partition, low, high } of partitions) {
        const tp = `${topic}:${partition}`;
        const start = this.restored?.get(tp) ?? (await at(spec.startup, partition, low, high)) ?? low;
        starts.set(tp, start);
        const end = await at(spec.bounded, partition, low, high);
        if (end !== undefined) ends.set(tp, end);
      }
    }
    await admin.disconnect();
    this.admin = undefined;
    const bounded = spec.bounded.mode !== 'unbounded';
    const open = new Set([...starts.keys()].filter((tp) => !bounded || BigInt(starts.get(tp) as string) < BigInt(ends.get(tp) ?? '0')));
    if (bounded && open.size === 0) return;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
    } catch (error) {
      throw kafkaError(spec, `cannot subscribe to ${topics.map((t) => `'${t}'`).join(', ')}`, error);
    }
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, (event) => reject(kafkaError(spec, `the consumer of '${this.table.table}' crashed`, event.payload.error)));
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        for (const [topic, partitions] of Object.entries(event.payload.memberAssignment)) {
          for (const partition of partitions) {
            const offset = starts.get(`${topic}:${partition}`);
            if (offset !== undefined) consumer.seek({ topic, partition, offset });
          }
        }
      });
      consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, pause }) => {
          const tp = `${batch.topic}:${batch.partition}`;
          const end = ends.get(tp);
          for (const message of batch.messages) {
            if (this.closed) return;
            if (bounded && end !== undefined && BigInt(message.offset) >= BigInt(end)) break;
            const next = (BigInt(message.offset) + 1n).toString();
            let changes;
            try {
              changes = decodeRecord(spec, this.table.fields.length, message.key, message.value);
            } catch (error) {
              throw new EngineError(`cannot read record ${message.offset} of Kafka topic '${batch.topic}' partition ${batch.partition}: ${(error as Error).message}`, {
                code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { topic: batch.topic, partition: batch.partition, offset: message.offset }, cause: error,
              });
            }
            this.pushRecord(changes, { tp, next }, spec.valueFormat.changelog);
            resolveOffset(message.offset);
            if (bounded && end !== undefined && BigInt(next) >= BigInt(end)) break;
            const room = this.room();
            if (room) {
              await room;
              await heartbeat();
            }
          }
          const last = batch.messages.at(-1);
          if (bounded && end !== undefined && last && BigInt(last.offset) + 1n >= BigInt(end)) {
            pause();
            open.delete(tp);
            if (open.size === 0) resolve();
          }
        },
      }).catch((error: unknown) => reject(kafkaError(spec, `cannot consume '${this.table.table}'`, error)));
    });
  }

  protected async shutdown(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
  }
}
