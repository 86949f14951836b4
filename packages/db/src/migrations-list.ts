import { WeirError } from '@weir/contracts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCKFILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';

export interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: 'ok'; value: string } | { tag: 'error'; value: string } };
  }[];
}

/** Reads a migrations folder into the shape the schema engine expects, as Prisma's CLI does. */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const lockfileContent = await readFile(join(migrationsDir, LOCKFILE), 'utf8').catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new WeirError('INTERNAL', `cannot read the migrations folder ${migrationsDir}`, { cause: error });
  });
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    directories.map(async (name) => ({
      path: name,
      migrationFile: {
        path: MIGRATION_FILE,
        content: await readFile(join(migrationsDir, name, MIGRATION_FILE), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
