import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropDatabase, withDatabase } from './ensure-database';
import { migrateDatabase } from './migrate-database';

export interface TestDatabase {
  /** URL of the new, migrated database. */
  url: string;
  /** Drops the database, closing any session still on it. */
  drop(): Promise<void>;
}

/**
 * A throwaway, fully migrated database `<prefix>_<random>` on the server of `serverUrl`, so that
 * integration tests never share state. Call `drop()` when done (e.g. in afterAll).
 */
export async function createTestDatabase(serverUrl: string, prefix = 'weir_test'): Promise<TestDatabase> {
  const url = withDatabase(serverUrl, `${prefix}_${randomBytes(6).toString('hex')}`);
  try {
    await migrateDatabase(url);
  } catch (error) {
    await dropDatabase(url);
    throw error;
  }
  return { url, drop: () => dropDatabase(url) };
}

/** Runs SQL on its own connection and returns the rows (tests that look under Prisma's models). */
export async function queryDatabase<T>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
