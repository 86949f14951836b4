import { EngineError } from '@weir/engine';
import { backoffMs, sleep } from '../common/backoff';
import type { JdbcClient } from './jdbc-client';
import type { JdbcSpec } from './jdbc-options';
import { MysqlClient } from './mysql-client';
import { PostgresClient } from './postgres-client';

const ATTEMPT_TIMEOUT_MS = 5_000;
/** Errors no retry can cure: a wrong password, an unknown database or user. */
const PERMANENT = new Set(['28P01', '28000', '3D000', 'ER_ACCESS_DENIED_ERROR', 'ER_BAD_DB_ERROR', 'ER_DBACCESS_DENIED_ERROR']);

/** Where a spec points, for messages: `PostgreSQL at host:port/db as user`. */
export function describeTarget(spec: JdbcSpec): string {
  const { target } = spec;
  return `${target.dialect === 'postgres' ? 'PostgreSQL' : 'MySQL'} at ${target.host}:${target.port}/${target.database}${spec.username ? ` as '${spec.username}'` : ''}`;
}

/** A database failure as an external EngineError that says where and keeps the server's code. */
export function jdbcError(spec: JdbcSpec, what: string, error: unknown): EngineError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError(`${what} (${describeTarget(spec)}): ${message}${typeof code === 'string' ? ` [${code}]` : ''}`, {
    code: 'JDBC_FAILED', domain: 'external', details: { sqlState: code }, cause: error,
  });
}

/** Whether retrying may help: connection-level failures, deadlocks and serialization failures. */
export function isTransient(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  if (PERMANENT.has(code)) return false;
  return /^(08|40|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'PROTOCOL_CONNECTION_LOST', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'].includes(code) || /timeout|terminated|Connection terminated/i.test(String((error as Error).message));
}

/** Connects, retrying transient failures with backoff for up to `connection.max-retry-timeout`. */
export async function openJdbcClient(spec: JdbcSpec): Promise<JdbcClient> {
  const deadline = Date.now() + spec.connectTimeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const timeout = Math.min(ATTEMPT_TIMEOUT_MS, Math.max(1, deadline - Date.now()));
      return spec.target.dialect === 'postgres'
        ? await PostgresClient.connect(spec.target, spec.username, spec.password, timeout)
        : await MysqlClient.connect(spec.target, spec.username, spec.password, timeout);
    } catch (error) {
      if (!isTransient(error) || Date.now() >= deadline) throw jdbcError(spec, 'cannot connect', error);
      await sleep(Math.min(backoffMs(attempt, 200, 5_000), Math.max(0, deadline - Date.now())));
    }
  }
}
