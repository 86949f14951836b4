import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL } from './default-database-url';
import { dropDatabase, withDatabase } from './ensure-database';
import { migrateDatabase } from './migrate-database';
import { prismaPaths } from './prisma-paths';
import { queryDatabase } from './test-database';

const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const throwawayUrl = () => withDatabase(serverUrl, `weir_test_${randomBytes(6).toString('hex')}`);
const cleanups: (() => Promise<void>)[] = [];

const query = queryDatabase;

/** A migrations folder holding one migration with the given SQL. */
async function migrationsWith(sql: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weir-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, '20000101000000_only'));
  await writeFile(join(dir, '20000101000000_only', 'migration.sql'), sql);
  return dir;
}

describe('migrateDatabase', () => {
  const url = throwawayUrl();
  cleanups.push(() => dropDatabase(url));
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('creates the database and applies every migration, recorded as Prisma records them', async () => {
    const result = await migrateDatabase(url);

    expect(result.createdDatabase).toBe(true);
    const committed = (await readdir(prismaPaths.migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(committed.slice(0, 3)).toEqual([expect.stringMatching(/^\d{14}_init$/), expect.stringMatching(/^\d{14}_fault_tolerance$/), expect.stringMatching(/^\d{14}_accounts$/)]);
    expect(result.appliedMigrationNames).toEqual(committed);
    const rows = await query(url, 'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
    expect(rows).toEqual(
      result.appliedMigrationNames.map((name) => ({ migration_name: name, finished_at: expect.any(Date), rolled_back_at: null })),
    );
    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(['Workspace', 'Job', 'JobVersion', 'Deployment']));
  });

  it('is idempotent and quick when nothing is pending', async () => {
    const result = await migrateDatabase(url);

    expect(result).toMatchObject({ createdDatabase: false, appliedMigrationNames: [] });
    expect(result.durationMs).toBeLessThan(3000);
    const committed = (await readdir(prismaPaths.migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).length;
    expect(await query(url, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: committed }]);
  });

  it('sends a migration script whole, so function bodies with semicolons survive', async () => {
    const other = throwawayUrl();
    cleanups.push(() => dropDatabase(other));
    const dir = await migrationsWith(
      'CREATE FUNCTION answer() RETURNS int AS $$ BEGIN RETURN 42; END; $$ LANGUAGE plpgsql;\nSELECT 1;\n',
    );

    await migrateDatabase(other, { migrationsDir: dir });

    expect(await query(other, 'SELECT answer() AS n')).toEqual([{ n: 42 }]);
  });

  it('fails with the database in the message when a migration fails', async () => {
    const other = throwawayUrl();
    cleanups.push(() => dropDatabase(other));
    const dir = await migrationsWith('SELECT * FROM missing_table;\n');

    await expect(migrateDatabase(other, { migrationsDir: dir })).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/migrating .*weir_test_/) });
  });
});
