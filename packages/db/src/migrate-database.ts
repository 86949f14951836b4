import { WeirError } from '@weir/contracts';
import { ensureDatabase, redactUrl } from './ensure-database';
import { readMigrationsList } from './migrations-list';
import { prismaPaths } from './prisma-paths';
import { SchemaEngineProcess } from './schema-engine-process';

export interface MigrateOptions {
  /** Folder of `<timestamp>_<name>/migration.sql` directories; defaults to the repo's prisma/migrations. */
  migrationsDir?: string;
  /** Prisma schema handed to the engine; defaults to the repo's prisma/schema.prisma. */
  schemaPath?: string;
}

export interface MigrateResult {
  /** Whether the database did not exist and was created. */
  createdDatabase: boolean;
  /** Migrations applied by this call, oldest first; empty when the database was up to date. */
  appliedMigrationNames: string[];
  durationMs: number;
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * `prisma migrate deploy`, offline and in-process: creates the database if needed, then applies
 * pending migrations through the offline schema engine, which records them in
 * `_prisma_migrations` exactly as Prisma does. Fails on a migration that failed before, as Prisma
 * does, until someone resolves it (`npm run prisma -w @weir/db -- migrate resolve`).
 */
export async function migrateDatabase(databaseUrl: string, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const startedAt = performance.now();
  const [createdDatabase, migrationsList] = await Promise.all([
    ensureDatabase(databaseUrl),
    readMigrationsList(opts.migrationsDir ?? prismaPaths.migrationsDir),
  ]);
  const engine = new SchemaEngineProcess({ databaseUrl, schemaPaths: [opts.schemaPath ?? prismaPaths.schema] });
  try {
    const { appliedMigrationNames } = await engine.request<{ appliedMigrationNames: string[] }>('applyMigrations', {
      migrationsList,
      filters: NO_FILTERS,
    });
    return { createdDatabase, appliedMigrationNames, durationMs: Math.round(performance.now() - startedAt) };
  } catch (error) {
    throw new WeirError('UNAVAILABLE', `migrating ${redactUrl(databaseUrl)} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await engine.stop();
  }
}
