import type { ChannelModel, ConfirmChannel } from 'amqplib';
import type { RowBatch, RowKinds, SinkContext, SinkWriter } from '@weir/engine';
import { DeliveryTracker } from '../common/delivery-tracker';
import { ReplayableMessageIds } from '../common/replayable-message-ids';
import { openRabbitMq, rabbitError } from './rabbitmq-connection';
import type { RabbitMqSpec } from './rabbitmq-options';

/**
 * Publishes each row as a persistent message to `exchange` with `routing-key` (the default
 * exchange and the queue's name when only `queue` is set). With publisher confirms (at least
 * once) a checkpoint waits until the broker confirmed everything. Each message carries a message
 * id that a restored run gives the same replayed rows (`ReplayableMessageIds`), so a consumer
 * that deduplicates by id (Weir's rabbitmq source does) sees each row once.
 */
export class RabbitMqSinkWriter implements SinkWriter {
  private connection: ChannelModel | undefined;
  private channel: ConfirmChannel | undefined;
  private readonly opening: Promise<void>;
  private waiting: Buffer[] = [];
  private readonly deliveries = new DeliveryTracker(4096);
  private readonly ids: ReplayableMessageIds;

  constructor(
    private readonly spec: RabbitMqSpec,
    context: SinkContext,
    table: string,
  ) {
    this.ids = new ReplayableMessageIds(context);
    this.opening = this.open(table).catch((error: unknown) => this.deliveries.fail(error));
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    this.deliveries.check();
    for (let i = 0; i < rows.length; i++) {
      if ((kinds?.[i] ?? 0) === 1 || (kinds?.[i] ?? 0) === 3) continue;
      const content = Buffer.from(this.spec.format.encode(rows[i]));
      if (this.channel) this.publish(content);
      else this.waiting.push(content);
    }
  }

  finish(): void {
    this.deliveries.drain();
  }

  prepareSnapshot(): void {
    this.deliveries.drain();
  }

  pending(): Promise<void> | null {
    if (!this.channel) return this.opening.then(() => this.deliveries.check());
    return this.deliveries.pending();
  }

  preCommit(checkpointId: number): unknown {
    return this.ids.preCommit(checkpointId);
  }

  commit(): void {}

  recover(committables: unknown[]): void {
    this.ids.recover(committables);
  }

  async close(): Promise<void> {
    await this.opening;
    await this.connection?.close().catch(() => undefined);
  }

  private async open(table: string): Promise<void> {
    const { spec } = this;
    this.connection = await openRabbitMq(spec.uri, `weir sink ${table}`);
    const channel = await this.connection.createConfirmChannel();
    channel.on('error', (error: Error) => this.deliveries.fail(rabbitError(spec.uri, `publishing to exchange '${spec.exchange}' failed`, error)));
    try {
      if (spec.exchange !== '' && spec.exchangeType) await channel.assertExchange(spec.exchange, spec.exchangeType, { durable: true });
      if (spec.queue !== undefined && spec.declareQueue) await channel.assertQueue(spec.queue, { durable: true });
    } catch (error) {
      throw rabbitError(spec.uri, `cannot declare the sink's ${spec.queue !== undefined ? `queue '${spec.queue}'` : `exchange '${spec.exchange}'`}`, error);
    }
    this.channel = channel;
    for (const content of this.waiting.splice(0)) this.publish(content);
  }

  private publish(content: Buffer): void {
    const channel = this.channel as ConfirmChannel;
    const options = { persistent: true, messageId: this.ids.next() };
    if (!this.spec.confirms) {
      channel.publish(this.spec.exchange, this.spec.routingKey, content, options);
      return;
    }
    const confirmed = new Promise<void>((resolve, reject) => {
      channel.publish(this.spec.exchange, this.spec.routingKey, content, options, (error: unknown) => (error ? reject(error) : resolve()));
    });
    this.deliveries.track(confirmed, (error) => rabbitError(this.spec.uri, `the broker refused a message for exchange '${this.spec.exchange}' / '${this.spec.routingKey}'`, error));
  }
}
