import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { EngineError } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import type { Change } from '../formats/changelog-formats';
import { openRabbitMq, rabbitError } from './rabbitmq-connection';
import type { RabbitMqSpec } from './rabbitmq-options';

/** What a checkpoint holds: the delivery tag up to which polled messages are acknowledged, and their ids. */
interface RabbitPosition {
  tag: number;
  ids: string[];
}

const BUFFER_ROWS = 8192;

/**
 * Consumes a queue, acknowledging messages only when a checkpoint that holds them completes (as
 * Flink's RMQSource): after a failure the broker redelivers what no completed checkpoint had.
 * Exactly once with `scan.deduplication` = 'message-id' (the default): the ids of the messages a
 * checkpoint holds but had not acknowledged are in it, and a restored run drops their redeliveries.
 * `prefetch.count` bounds what is unacknowledged (and so the buffer: the broker pushes no more),
 * so checkpoints must come before it fills.
 */
export class RabbitMqSourceReader extends BufferedSourceReader<number> {
  private connection: ChannelModel | undefined;
  private channel: Channel | undefined;
  /** Delivered messages not yet acknowledged, oldest first. */
  private readonly delivered: { tag: number; id: string | undefined }[] = [];
  private duplicates = new Set<string>();

  constructor(
    private readonly spec: RabbitMqSpec & { queue: string },
    private readonly table: string,
    private readonly reads: boolean,
    /** Without checkpoints nothing would ever acknowledge: the broker's auto-ack is used (at most once). */
    private readonly checkpointed: boolean,
  ) {
    super(BUFFER_ROWS, spec.format.changelog);
  }

  override snapshotPosition(): RabbitPosition {
    const tag = this.polledPosition ?? 0;
    return { tag, ids: this.delivered.filter((d) => d.tag <= tag && d.id !== undefined).map((d) => d.id as string) };
  }

  override restorePosition(position: unknown): void {
    this.duplicates = new Set((position as RabbitPosition).ids);
  }

  async checkpointComplete(position: unknown): Promise<void> {
    const { tag } = position as RabbitPosition;
    let last: number | undefined;
    while (this.delivered.length > 0 && this.delivered[0].tag <= tag) last = this.delivered.shift()?.tag;
    if (last !== undefined) this.channel?.ack({ fields: { deliveryTag: last } } as ConsumeMessage, true);
  }

  protected async fetch(): Promise<void> {
    if (!this.reads) return;
    const { spec } = this;
    const connection = (this.connection = await openRabbitMq(spec.uri, `weir source ${this.table}`));
    const channel = (this.channel = await connection.createChannel());
    let failed: (error: unknown) => void = () => undefined;
    const closed = new Promise<void>((resolve, reject) => {
      failed = reject;
      channel.on('close', () => (this.closed ? resolve() : reject(rabbitError(spec.uri, `the channel of queue '${spec.queue}' closed`, new Error('channel closed')))));
      channel.on('error', (error: Error) => reject(rabbitError(spec.uri, `queue '${spec.queue}' failed`, error)));
    });
    try {
      if (spec.declareQueue) await channel.assertQueue(spec.queue, { durable: true });
      else await channel.checkQueue(spec.queue);
      await channel.prefetch(spec.prefetch);
    } catch (error) {
      throw rabbitError(spec.uri, `cannot open queue '${spec.queue}'`, error);
    }
    await channel.consume(spec.queue, (message) => {
      if (!message) return;
      try {
        this.deliver(message);
      } catch (error) {
        failed(error);
      }
    }, { noAck: !this.checkpointed });
    await closed;
  }

  protected async shutdown(): Promise<void> {
    // Unacknowledged messages go back to the queue when the channel closes.
    await this.connection?.close().catch(() => undefined);
  }

  private deliver(message: ConsumeMessage): void {
    const tag = message.fields.deliveryTag;
    const id = this.spec.deduplicate && typeof message.properties.messageId === 'string' ? message.properties.messageId : undefined;
    if (id !== undefined && this.duplicates.delete(id)) {
      // Held by the restored checkpoint already: acknowledge it with the next one, emit nothing.
      if (this.checkpointed) this.delivered.push({ tag, id: undefined });
      this.mark(tag);
      return;
    }
    let changes: Change[] | null;
    try {
      changes = this.spec.format.decode(message.content);
    } catch (error) {
      if (this.spec.parseErrors === 'fail') {
        throw new EngineError(`cannot read message ${id ?? `#${tag}`} of RabbitMQ queue '${this.spec.queue}': ${(error as Error).message}`, {
          code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { queue: this.spec.queue, messageId: id, deliveryTag: tag }, cause: error,
        });
      }
      changes = null;
    }
    if (this.checkpointed) this.delivered.push({ tag, id });
    this.pushRecord(changes, tag, this.spec.format.changelog);
  }
}
