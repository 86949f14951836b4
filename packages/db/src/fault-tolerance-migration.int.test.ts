import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL } from './default-database-url';
import { dropDatabase, withDatabase } from './ensure-database';
import { migrateDatabase } from './migrate-database';
import { prismaPaths } from './prisma-paths';
import { queryDatabase } from './test-database';

const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const url = withDatabase(serverUrl, `weir_test_${randomBytes(6).toString('hex')}`);
let initOnly: string | undefined;

const sql = <T>(text: string) => queryDatabase<T>(url, text);

afterAll(async () => {
  await dropDatabase(url);
  if (initOnly) await rm(initOnly, { recursive: true, force: true });
});

describe('the fault_tolerance migration', () => {
  it('turns the old config columns of existing deployments into the config document', async () => {
    // The database as the first release left it: only the init migration, with two deployments in it.
    initOnly = await mkdtemp(join(tmpdir(), 'weir-init-only-'));
    const init = (await readdir(prismaPaths.migrationsDir)).find((name) => name.endsWith('_init')) as string;
    await cp(join(prismaPaths.migrationsDir, init), join(initOnly, init), { recursive: true });
    await cp(join(prismaPaths.migrationsDir, 'migration_lock.toml'), join(initOnly, 'migration_lock.toml'));
    await migrateDatabase(url, { migrationsDir: initOnly });
    await sql(`
      INSERT INTO "Workspace" (id, slug, name) VALUES ('w', 'w', 'w');
      INSERT INTO "Job" (id, "workspaceId", name, "latestVersion", "updatedAt") VALUES ('j', 'w', 'j', 1, now());
      INSERT INTO "JobVersion" (id, "jobId", version, sql) VALUES ('v', 'j', 1, 'SELECT 1');
      INSERT INTO "Deployment" (id, "jobId", "jobVersionId", parallelism, "checkpointIntervalMs", "restartStrategy", "startOffset", "updatedAt") VALUES
        ('old-latest', 'j', 'v', 2, 30000, '{"kind":"fixed-delay","attempts":3,"delayMs":10000}', '{"kind":"latest"}', now()),
        ('old-savepoint', 'j', 'v', 1, 60000, '{"kind":"none"}', '{"kind":"savepoint","savepointId":"sp-7"}', now());
      INSERT INTO "Run" (id, "deploymentId", attempt) VALUES ('r', 'old-latest', 2);
      INSERT INTO "FailoverEvent" (id, "deploymentId", "fromRunId", cause) VALUES ('f', 'old-latest', 'r', 'worker vanished');
    `);

    await migrateDatabase(url);

    const rows = await sql<{ id: string; config: unknown; checkpointing: { intervalMs: number } }>(
      'SELECT id, config, checkpointing FROM "Deployment" ORDER BY id',
    );
    expect(rows[0]).toMatchObject({
      id: 'old-latest',
      config: {
        parallelism: 2,
        checkpointing: { intervalMs: 30000 },
        restartStrategy: { kind: 'fixed-delay', attempts: 3, delayMs: 10000 },
        startOffset: { kind: 'latest' },
        restore: { kind: 'NONE' },
        allowNonRestoredState: false,
        memoryLimitMb: 1024,
      },
      checkpointing: { intervalMs: 30000, mode: 'EXACTLY_ONCE', enabled: true },
    });
    expect(rows[1]!.config).toMatchObject({ restore: { kind: 'SAVEPOINT', savepointId: 'sp-7' } });
    expect(rows[1]!.config).not.toHaveProperty('startOffset');
    expect(await sql('SELECT epoch FROM "Run"')).toEqual([{ epoch: 2 }]);
    expect(await sql('SELECT attempt, cause, message FROM "FailoverEvent"')).toEqual([{ attempt: 2, cause: 'EXCEPTION', message: 'worker vanished' }]);
  });
});
