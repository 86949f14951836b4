import type { MqttClient } from 'mqtt';
import { EngineError } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import { mqttError, openMqtt } from './mqtt-client';
import type { MqttSpec } from './mqtt-options';

const BUFFER_ROWS = 8192;

/**
 * Subscribes to a topic filter (`+` and `#` wildcards; `$share/<group>/<filter>` shares the
 * messages among the subscribers of a group) at QoS 0 or 1. MQTT keeps nothing to replay, so
 * across a failure the source is at most once: QoS 1 guards the hop from the broker, not what
 * the job had buffered when it died.
 */
export class MqttSourceReader extends BufferedSourceReader<number> {
  private client: MqttClient | undefined;
  private received = 0;

  constructor(
    private readonly spec: MqttSpec,
    private readonly reads: boolean,
  ) {
    super(BUFFER_ROWS, spec.format.changelog);
  }

  protected async fetch(): Promise<void> {
    if (!this.reads) return;
    const client = (this.client = await openMqtt(this.spec, 'source'));
    await new Promise<void>((resolve, reject) => {
      client.on('message', (topic, payload) => {
        this.received++;
        try {
          this.pushRecord(this.spec.format.decode(payload), this.received, this.spec.format.changelog);
        } catch (error) {
          if (this.spec.parseErrors === 'skip') {
            this.pushRecord(null, this.received, this.spec.format.changelog);
            return;
          }
          reject(new EngineError(`cannot read message ${this.received} received on MQTT topic '${topic}': ${(error as Error).message}`, { code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { topic }, cause: error }));
        }
      });
      client.on('close', () => {
        if (this.closed) resolve();
      });
      client.on('error', (error) => reject(mqttError(this.spec, `the subscription to '${this.spec.topic}' failed`, error)));
      client.subscribeAsync(this.spec.topic, { qos: this.spec.qos }).then((granted) => {
        const refused = granted.find((g) => g.qos === 128);
        if (refused) reject(mqttError(this.spec, `the broker refused the subscription to '${this.spec.topic}'`, new Error('SUBACK 0x80')));
      }, (error: unknown) => reject(mqttError(this.spec, `cannot subscribe to '${this.spec.topic}'`, error)));
    });
  }

  protected async shutdown(): Promise<void> {
    await this.client?.endAsync().catch(() => undefined);
  }
}
