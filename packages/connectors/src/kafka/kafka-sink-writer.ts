import type { Admin, Message, Producer } from 'kafkajs';
import type { RowBatch, RowKinds, SinkContext, SinkWriter } from '@weir/engine';
import { DeliveryTracker } from '../common/delivery-tracker';
import { kafkaClient, kafkaError } from './kafka-client';
import { encodeRecord } from './kafka-codec';
import type { KafkaSpec } from './kafka-options';

/** What an exactly-once checkpoint stages: its records, produced in one transaction once it completes. */
interface Committable {
  checkpointId: number;
  messages: Message[];
}

/**
 * Produces each row as a record of `topic` (upsert-kafka: keyed by the PRIMARY KEY, a delete as a
 * tombstone). At least once: every send is acknowledged by all in-sync replicas before a
 * checkpoint completes. Exactly once: a checkpoint's records are kept in it and produced in one
 * Kafka transaction when it completes, together with a transactional offset commit of the
 * checkpoint id to the sink's own consumer group, so a restored run that commits the same
 * checkpoint again sees it was done and produces nothing twice.
 */
export class KafkaSinkWriter implements SinkWriter {
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly opening: Promise<void>;
  private readonly deliveries = new DeliveryTracker(8);
  private partitions = 1;
  private roundRobin = 0;
  private staged: Message[] = [];
  private waiting: Message[] = [];
  private readonly exactlyOnce: boolean;
  private readonly id: string;
  private readonly subtask: number;

  constructor(
    private readonly spec: KafkaSpec,
    context: SinkContext,
    transactionalIdPrefix: string | undefined,
  ) {
    this.exactlyOnce = spec.delivery === 'exactly-once' && context.delivery === 'EXACTLY_ONCE';
    this.id = `${transactionalIdPrefix ?? 'weir'}-${context.uid}-${context.subtaskIndex}`;
    this.subtask = context.subtaskIndex;
    this.opening = this.open().catch((error: unknown) => this.deliveries.fail(error));
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    this.deliveries.check();
    const messages: Message[] = [];
    for (let i = 0; i < rows.length; i++) {
      const kind = kinds?.[i] ?? 0;
      if (kind === 1 || (kind === 3 && !this.spec.upsert)) continue;
      const { key, value } = encodeRecord(this.spec, rows[i], kind === 3);
      const partition = this.partitionOf();
      messages.push({ key, value, ...(partition === undefined ? {} : { partition }) });
    }
    if (messages.length === 0) return;
    if (this.exactlyOnce) this.staged.push(...messages);
    else if (this.producer) this.send(messages);
    else this.waiting.push(...messages);
  }

  finish(): void {
    this.deliveries.drain();
  }

  prepareSnapshot(): void {
    this.deliveries.drain();
  }

  pending(): Promise<void> | null {
    if (!this.producer) return this.opening.then(() => this.deliveries.check());
    return this.deliveries.pending();
  }

  preCommit(checkpointId: number): Committable | undefined {
    if (!this.exactlyOnce) return undefined;
    const messages = this.staged;
    this.staged = [];
    return { checkpointId, messages };
  }

  async commit(committables: unknown[]): Promise<void> {
    await this.opening;
    this.deliveries.check();
    for (const committable of committables as Committable[]) await this.commitOne(committable);
  }

  async recover(committables: unknown[]): Promise<void> {
    await this.commit(committables);
  }

  async close(): Promise<void> {
    await this.opening;
    await this.producer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const { spec } = this;
    const kafka = kafkaClient(spec, 'sink');
    const topic = spec.topics[0];
    this.admin = kafka.admin();
    try {
      await this.admin.connect();
      const metadata = await this.admin.fetchTopicMetadata({ topics: [topic] });
      this.partitions = Math.max(1, metadata.topics[0]?.partitions.length ?? 1);
      this.producer = this.exactlyOnce
        ? kafka.producer({ transactionalId: this.id, idempotent: true, maxInFlightRequests: 1 })
        : kafka.producer({ allowAutoTopicCreation: false });
      await this.producer.connect();
    } catch (error) {
      throw kafkaError(spec, `cannot open a producer for topic '${topic}'`, error);
    }
    const waiting = this.waiting;
    this.waiting = [];
    if (waiting.length > 0) this.send(waiting);
  }

  /** Flink's partitioners: Kafka's own (by key hash, or sticky), each subtask to one partition, or round-robin. */
  private partitionOf(): number | undefined {
    if (this.spec.partitioner === 'fixed') return this.subtask % this.partitions;
    if (this.spec.partitioner === 'round-robin') return this.roundRobin++ % this.partitions;
    return undefined;
  }

  private send(messages: Message[]): void {
    const topic = this.spec.topics[0];
    const sent = (this.producer as Producer).send({ topic, messages, acks: this.spec.delivery === 'none' ? 1 : -1 });
    this.deliveries.track(sent, (error) => kafkaError(this.spec, `cannot produce ${messages.length} records to topic '${topic}'`, error));
  }

  private async commitOne(committable: Committable): Promise<void> {
    const topic = this.spec.topics[0];
    const admin = this.admin as Admin;
    try {
      const done = await admin.fetchOffsets({ groupId: this.id, topics: [topic] });
      const committed = Number(done[0]?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
      if (committed >= committable.checkpointId) return;
      const transaction = await (this.producer as Producer).transaction();
      try {
        if (committable.messages.length > 0) await transaction.send({ topic, messages: committable.messages, acks: -1 });
        await transaction.sendOffsets({ consumerGroupId: this.id, topics: [{ topic, partitions: [{ partition: 0, offset: String(committable.checkpointId) }] }] });
        await transaction.commit();
      } catch (error) {
        await transaction.abort().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      throw kafkaError(this.spec, `cannot commit checkpoint ${committable.checkpointId} into topic '${topic}'`, error);
    }
  }
}
