import type { Row, RowBatch, RowKinds, SinkWriter } from '@weir/engine';
import { DeliveryTracker } from '../common/delivery-tracker';
import { callHttp } from './http-call';
import type { HttpSpec } from './http-options';

/**
 * Sends rows in batches as a JSON array (each element the row in the table's format) with
 * `method` to `url`, when `sink.buffer-flush.max-rows` rows are buffered, every
 * `sink.buffer-flush.interval`, before each checkpoint and at the end, one request after the other
 * (in order); a failed request is retried with backoff (`sink.max-retries`). At least once: a checkpoint waits until every batch was answered 2xx.
 */
export class HttpSinkWriter implements SinkWriter {
  private buffer: Row[] = [];
  private readonly deliveries = new DeliveryTracker(4);
  /** Batches go one after the other, so a retried batch never lands after a later one. */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly decoder = new TextDecoder();

  constructor(private readonly spec: HttpSpec) {
    if (spec.flushIntervalMs > 0) {
      this.timer = setInterval(() => this.flush(), spec.flushIntervalMs);
      this.timer.unref();
    }
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    this.deliveries.check();
    for (let i = 0; i < rows.length; i++) {
      const kind = kinds?.[i] ?? 0;
      if (kind === 1 || kind === 3) continue;
      this.buffer.push(rows[i]);
      if (this.buffer.length >= this.spec.maxRows) this.flush();
    }
  }

  finish(): void {
    this.flush();
    this.deliveries.drain();
  }

  prepareSnapshot(): void {
    this.flush();
    this.deliveries.drain();
  }

  pending(): Promise<void> | null {
    return this.deliveries.pending();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const body = `[${rows.map((r) => this.decoder.decode(this.spec.format.encode(r))).join(',')}]`;
    const send = () => callHttp(this.spec.url, { method: this.spec.method, headers: { 'content-type': 'application/json', ...this.spec.headers }, body, timeoutMs: this.spec.timeoutMs }, this.spec.maxRetries, `sending ${rows.length} rows to ${this.spec.url}`);
    const sent = this.chain.then(send);
    this.chain = sent.catch(() => undefined);
    this.deliveries.track(sent, (error) => error);
  }
}
