import type { MqttClient } from 'mqtt';
import type { RowBatch, RowKinds, SinkWriter } from '@weir/engine';
import { DeliveryTracker } from '../common/delivery-tracker';
import { mqttError, openMqtt } from './mqtt-client';
import type { MqttSpec } from './mqtt-options';

/**
 * Publishes each row as one message on `topic`. At QoS 1 every PUBACK is awaited and a checkpoint
 * waits for all of them (at least once); at QoS 0, at most once.
 */
export class MqttSinkWriter implements SinkWriter {
  private client: MqttClient | undefined;
  private readonly opening: Promise<void>;
  private waiting: Buffer[] = [];
  private readonly deliveries = new DeliveryTracker(1024);

  constructor(private readonly spec: MqttSpec) {
    this.opening = openMqtt(spec, 'sink').then(
      (client) => {
        this.client = client;
        for (const payload of this.waiting.splice(0)) this.publish(payload);
      },
      (error: unknown) => this.deliveries.fail(error),
    );
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    this.deliveries.check();
    for (let i = 0; i < rows.length; i++) {
      const kind = kinds?.[i] ?? 0;
      if (kind === 1 || kind === 3) continue;
      const payload = Buffer.from(this.spec.format.encode(rows[i]));
      if (this.client) this.publish(payload);
      else this.waiting.push(payload);
    }
  }

  finish(): void {
    this.deliveries.drain();
  }

  prepareSnapshot(): void {
    this.deliveries.drain();
  }

  pending(): Promise<void> | null {
    if (!this.client) return this.opening.then(() => this.deliveries.check());
    return this.deliveries.pending();
  }

  async close(): Promise<void> {
    await this.opening;
    await this.client?.endAsync().catch(() => undefined);
  }

  private publish(payload: Buffer): void {
    const published = (this.client as MqttClient).publishAsync(this.spec.topic, payload, { qos: this.spec.qos, retain: this.spec.retain });
    this.deliveries.track(published, (error) => mqttError(this.spec, `cannot publish to '${this.spec.topic}'`, error));
  }
}
