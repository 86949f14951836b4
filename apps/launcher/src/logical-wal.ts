import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import type { PostgresService } from './postgres';

/**
 * postgres-cdc reads logical replication, which needs `wal_level = logical`. The launcher sets
 * it on the local server it uses (ALTER SYSTEM, then a restart through pg_ctlcluster) and only
 * reports it for a server named by DATABASE_URL, which is someone else's to restart. Returns
 * what it did, for the launcher's log.
 */
export async function ensureLogicalWal(postgres: PostgresService): Promise<string> {
  const adminUrl = postgres.url.replace(/\/[^/?]*(\?.*)?$/, '/postgres$1');
  const level = await query(adminUrl, 'SHOW wal_level');
  if (level === 'logical') return 'wal_level is logical (postgres-cdc can read it)';
  if (postgres.source !== 'local') return `wal_level is '${level}': postgres-cdc jobs need wal_level = logical on this server (ALTER SYSTEM SET wal_level = logical, then restart it)`;
  await query(adminUrl, 'ALTER SYSTEM SET wal_level = logical');
  const versions = (() => {
    try {
      return readdirSync('/etc/postgresql');
    } catch {
      return [];
    }
  })();
  const restarted = versions.length === 1 && spawnSync('pg_ctlcluster', [versions[0], 'main', 'restart'], { stdio: 'ignore' }).status === 0;
  if (!restarted) return "set wal_level = logical (ALTER SYSTEM); restart PostgreSQL for postgres-cdc jobs to work";
  for (let i = 0; i < 60; i++) {
    if ((await query(adminUrl, 'SHOW wal_level').catch(() => undefined)) === 'logical') return 'set wal_level = logical (ALTER SYSTEM) and restarted the local PostgreSQL, for postgres-cdc';
    await new Promise((r) => setTimeout(r, 500));
  }
  return 'set wal_level = logical and restarted PostgreSQL, which did not answer within 30 s';
}

async function query(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return String((await client.query(sql)).rows[0]?.wal_level ?? '');
  } finally {
    await client.end();
  }
}
