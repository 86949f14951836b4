import { connect, DeliverPolicy, type NatsConnection } from 'nats';
import type { ConnectionObject } from '@weir/contracts';
import type { ConnectionProbe, RawSample, SampleLimits } from '../connection-probe';
import { ProbeFailure } from '../connection-failure';

function servers(options: Record<string, string>): string[] {
  return (options.servers ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

async function open(options: Record<string, string>, timeoutMs: number): Promise<NatsConnection> {
  return connect({
    servers: servers(options),
    name: 'weir-connection-probe',
    timeout: timeoutMs,
    maxReconnectAttempts: 0,
    ...(options.username !== undefined ? { user: options.username, pass: options.password } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
  });
}

async function jetstreamEnabled(nc: NatsConnection): Promise<boolean> {
  try {
    await (await nc.jetstreamManager()).getAccountInfo();
    return true;
  } catch {
    return false;
  }
}

/** Messages of a JetStream stream (or of one subject in it), the newest `maxRows` of a stream, the first of a subject. */
async function readStream(nc: NatsConnection, stream: string, subject: string | undefined, limits: SampleLimits, deadline: number): Promise<RawSample> {
  const jsm = await nc.jetstreamManager();
  const { state, config } = await jsm.streams.info(stream);
  const messages: string[] = [];
  // A JetStream table names its stream (else it reads the subject at most once, live) and a subject, the stream's own when it has one.
  const options = { stream, subject: subject ?? (config.subjects.length === 1 ? config.subjects[0] : '>') };
  if (state.messages === 0) return { kind: 'messages', messages, timedOut: false, options };
  const start = subject ? state.first_seq : Math.max(state.first_seq, state.last_seq - limits.maxRows + 1);
  const consumer = await nc.jetstream().consumers.get(stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: start, ...(subject ? { filterSubjects: subject } : {}) });
  const iterator = await consumer.fetch({ max_messages: limits.maxRows, expires: Math.max(1_000, deadline - Date.now()) });
  for await (const message of iterator) {
    messages.push(message.string());
    if (message.info.pending === 0 || messages.length >= limits.maxRows) break;
  }
  return { kind: 'messages', messages, timedOut: Date.now() >= deadline && messages.length < limits.maxRows, options };
}

/** Core NATS keeps nothing: listen on the subject for up to maxSeconds. */
async function listen(nc: NatsConnection, subject: string, limits: SampleLimits, deadline: number): Promise<RawSample> {
  const messages: string[] = [];
  const subscription = nc.subscribe(subject, { max: limits.maxRows });
  const timer = setTimeout(() => subscription.unsubscribe(), Math.max(0, deadline - Date.now()));
  for await (const message of subscription) messages.push(message.string());
  clearTimeout(timer);
  return { kind: 'messages', messages, timedOut: messages.length < limits.maxRows };
}

export const natsProbe: ConnectionProbe = {
  endpoint: (o) => `NATS at ${servers(o).join(', ')}`,
  user: (o) => o.username,
  async test(options, timeoutMs) {
    const nc = await open(options, timeoutMs);
    try {
      await nc.flush();
      return { server: `NATS ${nc.info?.version ?? ''}${(await jetstreamEnabled(nc)) ? ' with JetStream' : ''}`.trim() };
    } finally {
      await nc.close();
    }
  },
  async objects(options, timeoutMs) {
    const nc = await open(options, timeoutMs);
    try {
      if (!(await jetstreamEnabled(nc))) return { items: [], hint: 'this server has no JetStream: type a core NATS subject to listen on' };
      const items: ConnectionObject[] = [];
      for (const info of await (await nc.jetstreamManager()).streams.list().next()) {
        items.push({ name: `stream:${info.config.name}`, kind: 'stream', path: [info.config.name], detail: `${info.state.messages} messages; subjects ${info.config.subjects.join(', ')}` });
        for (const subject of info.config.subjects) items.push({ name: subject, kind: 'subject', path: [info.config.name, subject] });
      }
      return { items, hint: 'a subject no stream captures can be sampled live by typing it' };
    } finally {
      await nc.close();
    }
  },
  async sample(options, object, limits) {
    const deadline = Date.now() + limits.maxSeconds * 1000;
    const nc = await open(options, Math.min(5_000, limits.maxSeconds * 1000));
    try {
      if (object.startsWith('stream:')) {
        const stream = object.slice('stream:'.length);
        const found = await (await nc.jetstreamManager()).streams.info(stream).catch(() => undefined);
        if (!found) throw new ProbeFailure('NOT_FOUND', `JetStream stream '${stream}' does not exist`);
        return await readStream(nc, stream, undefined, limits, deadline);
      }
      const stream = (await jetstreamEnabled(nc)) ? await (await nc.jetstreamManager()).streams.find(object).catch(() => undefined) : undefined;
      return stream ? await readStream(nc, stream, object, limits, deadline) : await listen(nc, object, limits, deadline);
    } finally {
      await nc.close();
    }
  },
};
