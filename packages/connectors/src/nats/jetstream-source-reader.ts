import { AckPolicy, DeliverPolicy, nanos, type ConsumerConfig, type ConsumerMessages, type JetStreamManager, type NatsConnection } from 'nats';
import { EngineError } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import type { Change } from '../formats/changelog-formats';
import { natsError, openNatsConnection } from './nats-connection';
import type { NatsSpec } from './nats-options';

const ACK = Uint8Array.of(43, 65, 67, 75);
const BUFFER_ROWS = 8192;

/**
 * Reads a JetStream stream (filtered by `subject`). The position is the stream sequence of the last
 * row polled, so a restored run replays from the message after it: nothing lost or doubled. With
 * `consumer.durable-name` the server-side consumer is acknowledged on each completed checkpoint, so
 * a fresh start (nothing restored) resumes where the last checkpoint of an earlier run left off.
 */
export class JetStreamSourceReader extends BufferedSourceReader<number> {
  private connection: NatsConnection | undefined;
  private messages: ConsumerMessages | undefined;
  private lastSeq = 0;
  /** Reply subjects of polled messages not yet acknowledged (durable consumers), oldest first. */
  private readonly unacked: { seq: number; reply: string }[] = [];
  private boundTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spec: NatsSpec & { stream: string },
    private readonly table: string,
  ) {
    super(BUFFER_ROWS, spec.format.changelog);
  }

  protected async fetch(from: number | undefined): Promise<void> {
    const { spec } = this;
    const nc = (this.connection = await openNatsConnection(spec, `weir source ${this.table}`));
    if (this.closed) return;
    const jsm = await nc.jetstreamManager();
    const state = await this.streamState(jsm);
    let boundSeq: number | undefined;
    if (spec.bound.mode === 'latest-offset' || (spec.bound.mode === 'timestamp' && spec.bound.timestampMs <= Date.now())) boundSeq = state.last_seq;
    const start = this.startOf(from, state);
    this.lastSeq = from ?? 0;
    const consumer = spec.durableName ? await this.durable(jsm, from, start) : await nc.jetstream().consumers.get(spec.stream, { filterSubjects: spec.subject, ...start });
    const pending = (await consumer.info()).num_pending;
    if (boundSeq !== undefined && (pending === 0 || this.lastSeq >= boundSeq)) return;
    const messages = (this.messages = await consumer.consume({ max_messages: 512 }));
    if (spec.bound.mode === 'timestamp' && boundSeq === undefined) {
      // A bound still in the future ends the stream at whatever it holds then.
      this.boundTimer = setTimeout(() => {
        this.streamState(jsm).then((s) => {
          boundSeq = s.last_seq;
          if (this.lastSeq >= boundSeq) void messages.stop();
        }, (error: unknown) => void messages.stop(error as Error));
      }, spec.bound.timestampMs - Date.now());
    }
    for await (const m of messages) {
      if (this.closed) break;
      const seq = m.seq;
      // A durable consumer redelivers what it sent before an ack: the position says what was read.
      if (seq <= this.lastSeq) continue;
      const timestampMs = m.info.timestampNanos / 1e6;
      if ((boundSeq !== undefined && seq > boundSeq) || (spec.bound.mode === 'timestamp' && timestampMs > spec.bound.timestampMs)) break;
      let changes: Change[] | null;
      try {
        changes = spec.format.decode(m.data);
      } catch (error) {
        if (spec.parseErrors === 'fail') {
          throw new EngineError(`cannot read message ${seq} of JetStream stream '${spec.stream}' (subject '${m.subject}'): ${(error as Error).message}`, {
            code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { stream: spec.stream, subject: m.subject, sequence: seq }, cause: error,
          });
        }
        changes = null;
      }
      this.lastSeq = seq;
      // Only the reply subject is kept for the ack, not the message with its payload (the client's JsMsg has it, untyped).
      const reply = (m as Partial<{ reply: string }>).reply;
      if (spec.durableName && reply) this.unacked.push({ seq, reply });
      this.pushRecord(changes, seq, spec.format.changelog);
      if (boundSeq !== undefined && (seq >= boundSeq || m.info.pending === 0)) break;
      const room = this.room();
      if (room) await room;
    }
    clearTimeout(this.boundTimer);
  }

  async checkpointComplete(position: unknown): Promise<void> {
    const seq = position as number;
    let last: { seq: number; reply: string } | undefined;
    while (this.unacked.length > 0 && this.unacked[0].seq <= seq) last = this.unacked.shift();
    // AckPolicy.All: one ack covers every message up to it.
    if (last) this.connection?.publish(last.reply, ACK);
  }

  protected async shutdown(): Promise<void> {
    clearTimeout(this.boundTimer);
    // stop(), not close(): close() waits for an iterator that a bounded read may already have left.
    this.messages?.stop();
    if (this.connection && !this.connection.isClosed()) await this.connection.drain().catch(() => this.connection?.close());
  }

  private async streamState(jsm: JetStreamManager) {
    try {
      return (await jsm.streams.info(this.spec.stream)).state;
    } catch (error) {
      throw natsError(`cannot read JetStream stream '${this.spec.stream}'`, error);
    }
  }

  /** The consumer's start: after the restored sequence, else as `scan.startup.mode` says. */
  private startOf(from: number | undefined, state: { first_seq: number; last_seq: number }): Partial<ConsumerConfig> {
    const { startup } = this.spec;
    if (from !== undefined) return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from + 1 };
    switch (startup.mode) {
      case 'earliest-offset': {
        // A start sequence rather than DeliverPolicy.All: the client's ordered consumer always sends one, which the server refuses beside All.
        const first = Math.max(1, state.first_seq);
        this.startsAt(first - 1);
        return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: first };
      }
      case 'latest-offset':
        this.startsAt(state.last_seq);
        return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: state.last_seq + 1 };
      case 'specific-offset':
        this.startsAt(startup.sequence - 1);
        return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startup.sequence };
      case 'timestamp':
        return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(startup.timestampMs).toISOString() };
    }
  }

  /** The durable consumer: kept as it is on a fresh start (its ack floor is where to go on), recreated at the restored sequence. */
  private async durable(jsm: JetStreamManager, from: number | undefined, start: Partial<ConsumerConfig>) {
    const { stream, subject } = this.spec;
    const name = this.spec.durableName as string;
    const existing = await jsm.consumers.info(stream, name).catch(() => undefined);
    if (existing && from === undefined) {
      this.startsAt(existing.ack_floor.stream_seq);
      this.lastSeq = existing.ack_floor.stream_seq;
    } else {
      if (existing) await jsm.consumers.delete(stream, name);
      await jsm.consumers.add(stream, {
        durable_name: name, filter_subject: subject, ack_policy: AckPolicy.All,
        // Acks come with checkpoints, which may be minutes apart; the position, not redelivery, guards against loss.
        ack_wait: nanos(60 * 60_000), max_ack_pending: -1, ...start,
      });
    }
    return this.connection?.jetstream().consumers.get(stream, name) as ReturnType<ReturnType<NatsConnection['jetstream']>['consumers']['get']>;
  }
}
