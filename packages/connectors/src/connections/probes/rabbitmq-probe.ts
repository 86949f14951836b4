import { connect, type ChannelModel } from 'amqplib';
import type { ConnectionObject } from '@weir/contracts';
import { redactUrl } from '../../common/redact-url';
import type { ConnectionProbe, RawSample } from '../connection-probe';
import { ProbeFailure } from '../connection-failure';

function uriWithCredentials(options: Record<string, string>): string {
  const url = new URL(options.uri);
  if (options.username !== undefined) url.username = encodeURIComponent(options.username);
  if (options.password !== undefined) url.password = encodeURIComponent(options.password);
  return url.toString();
}

async function open(options: Record<string, string>, timeoutMs: number): Promise<ChannelModel> {
  const connection = await connect(uriWithCredentials(options), { timeout: timeoutMs, clientProperties: { connection_name: 'weir-connection-probe' } });
  connection.on('error', () => undefined);
  return connection;
}

/** Queues from the management API, when the connection names one; AMQP itself cannot list them. */
async function managementQueues(options: Record<string, string>, timeoutMs: number): Promise<ConnectionObject[] | undefined> {
  const base = options['management.url'];
  if (!base) return undefined;
  const auth = Buffer.from(`${options.username ?? 'guest'}:${options.password ?? 'guest'}`).toString('base64');
  const response = await fetch(`${base.replace(/\/+$/, '')}/api/queues`, { headers: { authorization: `Basic ${auth}` }, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new ProbeFailure(response.status === 401 ? 'AUTHENTICATION' : 'UNKNOWN', `the RabbitMQ management API at ${base} answered ${response.status}`);
  const queues = (await response.json()) as { name: string; vhost: string; messages?: number }[];
  return queues.map((q) => ({ name: q.name, kind: 'queue' as const, path: [q.vhost, q.name], detail: `${q.messages ?? 0} messages` }));
}

export const rabbitmqProbe: ConnectionProbe = {
  endpoint: (o) => `RabbitMQ at ${redactUrl(o.uri ?? '')}`,
  user: (o) => o.username ?? (o.uri ? decodeURIComponent(new URL(o.uri).username) || 'guest' : undefined),
  async test(options, timeoutMs) {
    const connection = await open(options, timeoutMs);
    try {
      const properties = (connection.connection as unknown as { serverProperties?: { product?: string; version?: string } }).serverProperties;
      return { server: properties ? `${properties.product ?? 'RabbitMQ'} ${properties.version ?? ''}`.trim() : 'RabbitMQ' };
    } finally {
      await connection.close().catch(() => undefined);
    }
  },
  async objects(options, timeoutMs) {
    const queues = await managementQueues(options, timeoutMs);
    if (queues) return { items: queues };
    return { items: [], hint: "AMQP cannot list queues: type a queue name, or set the connection's 'management.url' (http://host:15672) to browse them" };
  },
  async sample(options, object, limits): Promise<RawSample> {
    const connection = await open(options, Math.min(5_000, limits.maxSeconds * 1000));
    const deadline = Date.now() + limits.maxSeconds * 1000;
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await channel.checkQueue(object).catch((error: unknown) => {
        throw new ProbeFailure('NOT_FOUND', `queue '${object}' does not exist: ${(error as Error).message}`);
      });
      const probe = await connection.createChannel();
      const messages: string[] = [];
      // Peek: every message got is put back (nacked with requeue) when the channel closes, so the sample consumes nothing.
      while (messages.length < limits.maxRows && Date.now() < deadline) {
        const message = await probe.get(object, { noAck: false });
        if (message === false) break;
        messages.push(message.content.toString('utf8'));
      }
      await probe.close();
      return { kind: 'messages', messages, timedOut: Date.now() >= deadline };
    } finally {
      await connection.close().catch(() => undefined);
    }
  },
};
