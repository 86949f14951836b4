import type { NatsConnection, Subscription } from 'nats';
import { EngineError } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import type { Change } from '../formats/changelog-formats';
import { openNatsConnection } from './nats-connection';
import type { NatsSpec } from './nats-options';

const BUFFER_ROWS = 8192;

/**
 * Subscribes to a core NATS subject (wildcards allowed): at most once, since core NATS keeps
 * nothing to replay (the count of messages it checkpoints is not a position a restore can use). A full buffer holds the subscription's
 * iterator, and the client's own pending limits then drop what a slow job cannot take.
 */
export class CoreSourceReader extends BufferedSourceReader<number> {
  private connection: NatsConnection | undefined;
  private subscription: Subscription | undefined;

  constructor(
    private readonly spec: NatsSpec,
    private readonly table: string,
  ) {
    super(BUFFER_ROWS, spec.format.changelog);
  }

  protected async fetch(): Promise<void> {
    const nc = (this.connection = await openNatsConnection(this.spec, `weir source ${this.table}`));
    if (this.closed) return;
    const subscription = (this.subscription = nc.subscribe(this.spec.subject));
    let received = 0;
    for await (const m of subscription) {
      received++;
      let changes: Change[] | null;
      try {
        changes = this.spec.format.decode(m.data);
      } catch (error) {
        if (this.spec.parseErrors === 'fail') {
          throw new EngineError(`cannot read message ${received} received on NATS subject '${m.subject}': ${(error as Error).message}`, {
            code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { subject: m.subject, received }, cause: error,
          });
        }
        changes = null;
      }
      this.pushRecord(changes, received, this.spec.format.changelog);
      const room = this.room();
      if (room) await room;
    }
  }

  protected async shutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    if (this.connection && !this.connection.isClosed()) await this.connection.close();
  }
}
