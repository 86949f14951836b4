import type { JetStreamClient, NatsConnection } from 'nats';
import type { Row, RowBatch, RowKinds, SinkContext, SinkWriter } from '@weir/engine';
import { DeliveryTracker } from '../common/delivery-tracker';
import { ReplayableMessageIds } from '../common/replayable-message-ids';
import { natsError, openNatsConnection } from './nats-connection';
import type { NatsSpec } from './nats-options';

/**
 * Publishes each row as one message on `subject`. To a JetStream stream every publish is awaited
 * (at least once; the job slows down at `sink.max-in-flight` unacknowledged publishes and a
 * checkpoint waits for all of them). Exactly once: each message carries a `Nats-Msg-Id` that a
 * restored run gives the same replayed rows (`ReplayableMessageIds`), so the stream's duplicate
 * window (2 minutes by default) drops them. Core NATS: at most once.
 */
export class NatsSinkWriter implements SinkWriter {
  private connection: NatsConnection | undefined;
  private jetstream: JetStreamClient | undefined;
  private readonly opening: Promise<void>;
  /** Rows waiting for the connection. */
  private waiting: Row[] = [];
  private readonly deliveries: DeliveryTracker;
  private readonly ids: ReplayableMessageIds;

  constructor(
    private readonly spec: NatsSpec,
    context: SinkContext,
    private readonly table: string,
  ) {
    this.deliveries = new DeliveryTracker(spec.maxInFlight);
    this.ids = new ReplayableMessageIds(context);
    this.opening = openNatsConnection(spec, `weir sink ${table}`).then(
      (nc) => {
        this.connection = nc;
        if (spec.stream) this.jetstream = nc.jetstream();
        for (const row of this.waiting.splice(0)) this.publish(row);
      },
      (error: unknown) => this.deliveries.fail(error),
    );
  }

  write(rows: RowBatch, _kinds?: RowKinds): void {
    this.deliveries.check();
    for (const row of rows) {
      if (this.connection) this.publish(row);
      else this.waiting.push(row);
    }
  }

  finish(): void {
    this.deliveries.drain();
  }

  pending(): Promise<void> | null {
    if (!this.connection) return this.opening.then(() => this.deliveries.check());
    return this.deliveries.pending();
  }

  prepareSnapshot(): void {
    this.deliveries.drain();
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
    if (this.connection && !this.connection.isClosed()) await this.connection.drain().catch(() => this.connection?.close());
  }

  private publish(row: Row): void {
    const data = this.spec.format.encode(row);
    if (!this.jetstream) {
      (this.connection as NatsConnection).publish(this.spec.subject, data);
      return;
    }
    const options = this.spec.delivery === 'exactly-once' ? { msgID: this.ids.next() } : {};
    this.deliveries.track(this.jetstream.publish(this.spec.subject, data, options), (error) =>
      natsError(`cannot publish to JetStream stream '${this.spec.stream}' (subject '${this.spec.subject}') from ${this.table}`, error));
  }
}
