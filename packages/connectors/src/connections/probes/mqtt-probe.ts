import mqtt, { type MqttClient } from 'mqtt';
import { redactUrl } from '../../common/redact-url';
import type { ConnectionProbe, RawSample } from '../connection-probe';

/** How long browsing listens for topics: MQTT brokers only show topics as messages (retained ones at once) arrive. */
const BROWSE_MS = 1_500;

async function open(options: Record<string, string>, timeoutMs: number): Promise<MqttClient> {
  const client = await mqtt.connectAsync(options.url, {
    clientId: `weir-probe-${Math.random().toString(16).slice(2, 10)}`,
    ...(options.username !== undefined ? { username: options.username, password: options.password } : {}),
    connectTimeout: timeoutMs,
    reconnectPeriod: 0,
  });
  client.on('error', () => undefined);
  return client;
}

/** Collects messages on `topic` until `max` arrived or `ms` passed. */
async function listen(client: MqttClient, topic: string, max: number, ms: number): Promise<{ topic: string; payload: string }[]> {
  const received: { topic: string; payload: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    client.on('message', (t, payload) => {
      received.push({ topic: t, payload: payload.toString('utf8') });
      if (received.length >= max) {
        clearTimeout(timer);
        resolve();
      }
    });
    client.subscribe(topic, { qos: 0 }, (error) => {
      if (error) {
        clearTimeout(timer);
        reject(error);
      }
    });
  });
  return received;
}

export const mqttProbe: ConnectionProbe = {
  endpoint: (o) => `MQTT broker at ${redactUrl(o.url ?? '')}`,
  user: (o) => o.username,
  async test(options, timeoutMs) {
    const client = await open(options, timeoutMs);
    await client.endAsync();
    return { server: 'MQTT broker' };
  },
  async objects(options, timeoutMs) {
    const client = await open(options, timeoutMs);
    try {
      const seen = await listen(client, '#', 10_000, BROWSE_MS);
      const counts = new Map<string, number>();
      for (const { topic } of seen) counts.set(topic, (counts.get(topic) ?? 0) + 1);
      const items = [...counts].map(([topic, count]) => ({ name: topic, kind: 'topic' as const, path: topic.split('/'), detail: `${count} message${count === 1 ? '' : 's'} in ${BROWSE_MS / 1000} s` }));
      return { items, hint: `topics that carried a message (or hold a retained one) during ${BROWSE_MS / 1000} s; any topic or filter can be typed` };
    } finally {
      await client.endAsync();
    }
  },
  async sample(options, object, limits): Promise<RawSample> {
    const client = await open(options, Math.min(5_000, limits.maxSeconds * 1000));
    try {
      const received = await listen(client, object, limits.maxRows, limits.maxSeconds * 1000);
      return { kind: 'messages', messages: received.map((m) => m.payload), timedOut: received.length < limits.maxRows };
    } finally {
      await client.endAsync();
    }
  },
};
