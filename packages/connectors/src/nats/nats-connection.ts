import { connect, type NatsConnection } from 'nats';
import { EngineError } from '@weir/engine';
import type { NatsSpec } from './nats-options';

/** Opens a connection that keeps reconnecting on its own; a failure says which servers and why. */
export async function openNatsConnection(spec: NatsSpec, name: string): Promise<NatsConnection> {
  try {
    return await connect({
      servers: spec.servers,
      name,
      timeout: spec.connectTimeoutMs,
      // The client reconnects with backoff; once it gives up the reader or writer fails the run (its restart strategy takes over).
      maxReconnectAttempts: 30,
      reconnectTimeWait: 1_000,
      ...(spec.user !== undefined ? { user: spec.user, pass: spec.pass } : {}),
      ...(spec.token !== undefined ? { token: spec.token } : {}),
    });
  } catch (error) {
    throw natsError(`cannot connect to NATS at ${spec.servers.join(', ')}`, error);
  }
}

/** A NATS failure as an external EngineError, keeping the client's code (e.g. AUTHORIZATION_VIOLATION). */
export function natsError(what: string, error: unknown): EngineError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError(`${what}: ${message}${typeof code === 'string' && !message.includes(code) ? ` (${code})` : ''}`, { code: 'NATS_FAILED', domain: 'external', cause: error });
}
