import type { JetStreamClient, NatsConnection } from 'nats';
import type { Row, RowBatch, RowKinds, SinkContext, SinkWriter } from '@weir/engine';
import { natsError, openNatsConnection } from './nats-connection';
import type { NatsSpec } from './nats-options';

/**
 * Publishes each row as one message on `subject`. To a JetStream stream every publish is awaited
 * (at least once; the job slows down at `sink.max-in-flight` unacknowledged publishes and a
 * checkpoint waits for all of them). Exactly once: each message carries `Nats-Msg-Id`
 * `<sink>/<subtask>/<checkpoint>/<n>`, which a restored run gives the same replayed rows, so the
 * stream's duplicate window (2 minutes by default) drops them. Core NATS: at most once.
 */
export class NatsSinkWriter implements SinkWriter {
  private connection: NatsConnection | undefined;
  private jetstream: JetStreamClient | undefined;
  private readonly opening: Promise<void>;
  /** Rows waiting for the connection. */
  private waiting: Row[] = [];
  private inFlight = 0;
  private drained: { promise: Promise<void>; resolve: () => void } | undefined;
  private failure: unknown;
  private flushing = false;
  /** The checkpoint the current messages belong to and how many were sent since (message ids). */
  private epoch = 0;
  private sequence = 0;

  constructor(
    private readonly spec: NatsSpec,
    private readonly context: SinkContext,
    private readonly table: string,
  ) {
    this.opening = openNatsConnection(spec, `weir sink ${table}`).then(
      (nc) => {
        this.connection = nc;
        if (spec.stream) this.jetstream = nc.jetstream();
        const waiting = this.waiting;
        this.waiting = [];
        for (const row of waiting) this.publish(row);
      },
      (error: unknown) => {
        this.failure = error;
      },
    );
  }

  write(rows: RowBatch, _kinds?: RowKinds): void {
    this.check();
    for (const row of rows) {
      if (this.connection) this.publish(row);
      else this.waiting.push(row);
    }
  }

  finish(): void {
    this.flushing = true;
  }

  pending(): Promise<void> | null {
    this.check();
    const busy = !this.connection || this.inFlight >= this.spec.maxInFlight || (this.flushing && (this.inFlight > 0 || this.waiting.length > 0));
    if (!busy) return null;
    if (!this.connection) return this.opening.then(() => this.check());
    this.drained ??= withResolvers();
    return this.drained.promise.then(() => this.check());
  }

  prepareSnapshot(): void {
    this.flushing = true;
  }

  preCommit(checkpointId: number): unknown {
    this.flushing = false;
    this.epoch = checkpointId;
    this.sequence = 0;
    return { checkpointId };
  }

  commit(): void {}

  recover(committables: unknown[]): void {
    const last = committables.at(-1) as { checkpointId: number } | undefined;
    if (last) this.epoch = last.checkpointId;
  }

  async close(): Promise<void> {
    await this.opening;
    if (this.connection && !this.connection.isClosed()) await this.connection.drain().catch(() => this.connection?.close());
  }

  private publish(row: Row): void {
    const data = this.spec.format.encode(row);
    const nc = this.connection as NatsConnection;
    if (!this.jetstream) {
      nc.publish(this.spec.subject, data);
      return;
    }
    const options: { msgID?: string } = {};
    if (this.spec.delivery === 'exactly-once') options.msgID = `${this.context.uid}/${this.context.subtaskIndex}/${this.epoch}/${this.sequence++}`;
    this.inFlight++;
    this.jetstream.publish(this.spec.subject, data, options).then(
      () => this.settled(),
      (error: unknown) => {
        this.failure ??= natsError(`cannot publish to JetStream stream '${this.spec.stream}' (subject '${this.spec.subject}') from ${this.table}`, error);
        this.settled();
      },
    );
  }

  private settled(): void {
    this.inFlight--;
    if (this.inFlight < this.spec.maxInFlight && !(this.flushing && this.inFlight > 0)) {
      const drained = this.drained;
      this.drained = undefined;
      drained?.resolve();
    }
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

function withResolvers(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
