import { readFile } from 'node:fs/promises';
import { withDatabase } from './ensure-database';
import { readMigrationsList } from './migrations-list';
import { prismaPaths } from './prisma-paths';
import { SchemaEngineProcess } from './schema-engine-process';

export interface SchemaDriftOptions {
  migrationsDir?: string;
  schemaPath?: string;
}

export interface SchemaDrift {
  /** True when applying the migrations yields exactly the schema in schema.prisma. */
  inSync: boolean;
  /** Prisma's human-readable summary of what the migrations lack (empty when in sync). */
  summary: string;
}

// The engine's diff exit code for "the two sides differ" (`prisma migrate diff --exit-code`).
const DIFF_NOT_EMPTY = 2;

/**
 * `prisma migrate diff --from-migrations … --to-schema … --exit-code`: replays the migrations
 * in a throwaway shadow database on the server of `databaseUrl` and compares the result with
 * schema.prisma. Only the server is used, so the database in the URL need not exist.
 */
export async function checkSchemaDrift(databaseUrl: string, opts: SchemaDriftOptions = {}): Promise<SchemaDrift> {
  const schemaPath = opts.schemaPath ?? prismaPaths.schema;
  const [migrationsList, schema] = await Promise.all([
    readMigrationsList(opts.migrationsDir ?? prismaPaths.migrationsDir),
    readFile(schemaPath, 'utf8'),
  ]);
  // The engine opens its main connection at start; the maintenance database always exists.
  const engine = new SchemaEngineProcess({ databaseUrl: withDatabase(databaseUrl, 'postgres'), schemaPaths: [schemaPath] });
  try {
    const { exitCode } = await engine.request<{ exitCode: number }>('diff', {
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: false,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    const inSync = exitCode !== DIFF_NOT_EMPTY;
    return { inSync, summary: inSync ? '' : engine.output.trim() };
  } finally {
    await engine.stop();
  }
}
