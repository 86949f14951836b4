import { z } from 'zod';

const ApiConfig = z.object({
  /** PostgreSQL holding the platform's data. */
  DATABASE_URL: z.string().default('postgresql://postgres@127.0.0.1:5432/weir'),
  /** Redis holding the queues, heartbeats, control channels and the metrics stream. */
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key, so installations and test runs can share one Redis. */
  WEIR_REDIS_PREFIX: z.string().min(1).default('weir'),
  /** Interface the HTTP server binds; 0.0.0.0 inside containers. */
  WEIR_API_HOST: z.string().default('127.0.0.1'),
  /** HTTP port of the API. */
  WEIR_API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** How long a sign-in lasts. */
  WEIR_SESSION_TTL_HOURS: z.coerce.number().min(0.01).default(168),
  /** "true" marks the session cookies Secure (HTTPS only): set it when the console is served over TLS. */
  WEIR_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** Sign-in attempts one address may make per minute. */
  WEIR_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Consecutive failed sign-ins that lock an account. */
  WEIR_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** How long a locked account stays locked. */
  WEIR_LOGIN_LOCKOUT_MINUTES: z.coerce.number().min(0.01).default(15),
  /**
   * A run whose worker has not beaten for this long is LOST and fails over. Workers beat every
   * second; 3 s tolerates two missed beats and keeps kill -9 → RUNNING again within 5 s.
   */
  WEIR_HEARTBEAT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(3000),
  /** How often the scheduler reconciles desired and observed state; it bounds how late a lost run is noticed. */
  WEIR_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(250),
  /** How long `POST /deployments/:id/savepoints` waits for the worker's savepoint before answering TIMEOUT. */
  WEIR_SAVEPOINT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How long raw metric samples are kept before they are deleted. */
  WEIR_RAW_METRICS_RETENTION_MS: z.coerce.number().int().min(60_000).default(6 * 3600_000),
  /** Encrypts workspace secrets at rest (AES-256-GCM); the default is only for local development. Workers need the same. */
  WEIR_SECRET_KEY: z.string().min(16).default('weir-local-development-key'),
  /** Version of WEIR_SECRET_KEY; raise it when rolling in a new key, and list the old one in WEIR_SECRET_KEYS_PREVIOUS. */
  WEIR_SECRET_KEY_VERSION: z.coerce.number().int().min(1).default(1),
  /** Keys being rotated out, still readable: `VERSION:key` pairs separated by commas. */
  WEIR_SECRET_KEYS_PREVIOUS: z.string().default(''),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type ApiConfig = z.infer<typeof ApiConfig>;

/** Reads the API's configuration from the environment; the only reader of process.env here. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return ApiConfig.parse(env);
}
