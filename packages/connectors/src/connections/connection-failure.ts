import type { ConnectionFailure } from '@weir/contracts';

/** A failed connection test: the category the console shows and a sentence that says what to fix. */
export interface ClassifiedFailure {
  failure: ConnectionFailure;
  message: string;
}

/** Thrown by a probe that knows exactly what went wrong (e.g. a queue that does not exist). */
export class ProbeFailure extends Error {
  constructor(
    readonly failure: ConnectionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ProbeFailure';
  }
}

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT|UNABLE_TO_(VERIFY|GET)_|ERR_OSSL|EPROTO$)/;
const AUTH_TEXT = /authenticat|password|access denied|access_refused|not authorized|authorization|wrongpass|noauth|bad user ?name|invalid credentials|sasl/i;

/**
 * What a connection error means, from the codes of Node's sockets and of each client
 * (PostgreSQL SQLSTATE, MySQL errno, NATS, Redis, AMQP, MQTT reason codes).
 */
export function classifyFailure(error: unknown, where: { endpoint: string; user?: string }): ClassifiedFailure {
  if (error instanceof ProbeFailure) return { failure: error.failure, message: error.message };
  const code = String((error as { code?: unknown }).code ?? '');
  const errno = (error as { errno?: unknown }).errno;
  const text = error instanceof Error ? error.message : String(error);
  const nested = (error as { errors?: unknown[] }).errors?.[0];
  if (nested && code === '' && text === '') return classifyFailure(nested, where);
  const user = where.user ? ` for user '${where.user}'` : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /getaddrinfo/.test(text)) return { failure: 'DNS', message: `the host of ${where.endpoint} could not be resolved (DNS): ${text}` };
  if (code === 'ECONNREFUSED' || /ECONNREFUSED|connection refused/i.test(text)) return { failure: 'REFUSED', message: `the connection to ${where.endpoint} was refused: nothing listens there` };
  if (code === 'ETIMEDOUT' || code === 'TIMEOUT' || /timed? ?out|timeout/i.test(text)) return { failure: 'TIMEOUT', message: `${where.endpoint} did not answer in time: ${text}` };
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(text)) return { failure: 'TLS', message: `the TLS handshake with ${where.endpoint} failed: ${text}` };
  if (errno === 1044 || code === 'ER_DBACCESS_DENIED_ERROR' || code === '42501' || errno === 1142 || /permission denied/i.test(text)) return { failure: 'PERMISSION', message: `permission denied${user} at ${where.endpoint}: ${text}` };
  // PostgreSQL: 28P01 wrong password, 28000 no pg_hba entry; MySQL 1045; Redis WRONGPASS; AMQP 403; MQTT 4/5 and 134/135.
  if (code === '28P01' || code === '28000' || errno === 1045 || code === 'ER_ACCESS_DENIED_ERROR' || code === 'AUTHORIZATION_VIOLATION' || code === '403' || AUTH_TEXT.test(text)) {
    return { failure: 'AUTHENTICATION', message: `authentication failed${user} at ${where.endpoint}: ${text}` };
  }
  if (code === '3D000' || errno === 1049 || code === 'ER_BAD_DB_ERROR' || code === '404' || /does not exist|not found|unknown database/i.test(text)) return { failure: 'NOT_FOUND', message: `${text} (at ${where.endpoint})` };
  if (code === 'ECONNRESET' || code === 'EPIPE' || /protocol|unexpected|parse/i.test(text)) return { failure: 'PROTOCOL', message: `${where.endpoint} broke off the exchange (is it the right port for this system?): ${text}` };
  return { failure: 'UNKNOWN', message: `cannot connect to ${where.endpoint}: ${text || code || 'unknown error'}` };
}
