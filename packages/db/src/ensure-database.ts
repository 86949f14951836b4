import { WeirError } from '@weir/contracts';
import pg from 'pg';

const PG_INVALID_CATALOG_NAME = '3D000';
const PG_DUPLICATE_DATABASE = '42P04';

/** The database named in a Postgres URL. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name) throw new WeirError('VALIDATION_FAILED', `database URL names no database: ${redactUrl(databaseUrl)}`);
  return name;
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The URL without its password, for messages and logs. */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// CREATE and DROP DATABASE cannot run inside the target database, so they go through the
// server's `postgres` database, which every Postgres installation has.
async function onMaintenanceDb(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
  try {
    await client.connect();
    await client.query(sql);
  } catch (error) {
    throw new WeirError('UNAVAILABLE', `${sql} failed on ${redactUrl(withDatabase(databaseUrl, 'postgres'))}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function isPgError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

/**
 * Creates the database named in the URL when it does not exist yet.
 * @returns whether this call created it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if (!isPgError(error, PG_INVALID_CATALOG_NAME)) {
      throw new WeirError('UNAVAILABLE', `cannot connect to ${redactUrl(databaseUrl)}`, { cause: error });
    }
  } finally {
    await probe.end().catch(() => undefined);
  }
  try {
    await onMaintenanceDb(databaseUrl, `CREATE DATABASE ${quoteIdent(databaseNameOf(databaseUrl))}`);
    return true;
  } catch (error) {
    // Another process (a second API instance, a parallel test) created it first.
    if (isPgError((error as Error).cause, PG_DUPLICATE_DATABASE)) return false;
    throw error;
  }
}

/** Drops the database named in the URL, disconnecting its sessions; a missing database is fine. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await onMaintenanceDb(databaseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(databaseNameOf(databaseUrl))} WITH (FORCE)`);
}
