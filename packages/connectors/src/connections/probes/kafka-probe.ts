import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import type { ConnectionProbe, RawSample } from '../connection-probe';

function brokers(options: Record<string, string>): string[] {
  return (options['properties.bootstrap.servers'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function client(options: Record<string, string>, timeoutMs: number): Kafka {
  const protocol = (options['properties.security.protocol'] ?? 'PLAINTEXT').toUpperCase();
  const mechanism = options['properties.sasl.mechanism']?.toLowerCase();
  return new Kafka({
    clientId: 'weir-connection-probe',
    brokers: brokers(options),
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    ssl: protocol === 'SSL' || protocol === 'SASL_SSL',
    ...(mechanism ? { sasl: { mechanism, username: options['properties.sasl.username'] ?? '', password: options['properties.sasl.password'] ?? '' } as SASLOptions } : {}),
    logLevel: logLevel.NOTHING,
  });
}

export const kafkaProbe: ConnectionProbe = {
  endpoint: (o) => `Kafka at ${brokers(o).join(', ')}`,
  user: (o) => o['properties.sasl.username'],
  async test(options, timeoutMs) {
    const admin = client(options, timeoutMs).admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      return { server: `Kafka cluster ${cluster.clusterId} (${cluster.brokers.length} broker${cluster.brokers.length === 1 ? '' : 's'})` };
    } finally {
      await admin.disconnect();
    }
  },
  async objects(options, timeoutMs) {
    const admin = client(options, timeoutMs).admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
      return { items: topics.sort().map((topic) => ({ name: topic, kind: 'topic' as const, path: [topic] })) };
    } finally {
      await admin.disconnect();
    }
  },
  async sample(options, object, limits): Promise<RawSample> {
    const kafka = client(options, Math.min(5_000, limits.maxSeconds * 1000));
    // A throwaway group that commits nothing, so sampling moves no one's offsets.
    const consumer = kafka.consumer({ groupId: `weir-sample-${Math.random().toString(16).slice(2)}`, retry: { retries: 0 } });
    const messages: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: object, fromBeginning: true });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, limits.maxSeconds * 1000);
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ message }) => {
            if (messages.length < limits.maxRows) messages.push(message.value?.toString('utf8') ?? 'null');
            if (messages.length >= limits.maxRows) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return { kind: 'messages', messages, timedOut: messages.length < limits.maxRows };
  },
};
