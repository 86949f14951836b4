import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './create-prisma-client';
import { DEFAULT_DATABASE_URL } from './default-database-url';
import { DEMO_JOB_SQL } from './demo-job-sql';
import type { PrismaClient } from './generated/prisma/client';
import { verifyPassword } from './password-hash';
import { DEMO, seedAdmin, seedDemo } from './seed-demo';
import { createTestDatabase, type TestDatabase } from './test-database';

describe('seedDemo', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
    prisma = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('creates the demo workspace, its owner and the demo job, once', async () => {
    const first = await seedDemo(prisma);
    const second = await seedDemo(prisma);

    const { generatedPassword, ...ids } = first;
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(second).toEqual(ids);
    expect(await prisma.workspace.findMany({ select: { slug: true, name: true } })).toEqual([
      { slug: 'demo', name: 'Demo' },
    ]);
    const memberships = await prisma.membership.findMany({ include: { user: true } });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ role: 'OWNER', user: { email: 'admin@weir.local' } });
    expect(await verifyPassword(generatedPassword ?? '', memberships[0]?.user.passwordHash ?? '')).toBe(true);
    const jobs = await prisma.job.findMany({ include: { versions: true } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ name: 'datagen-to-blackhole', latestVersion: 1 });
    expect(jobs[0]?.versions.map((v) => ({ version: v.version, sql: v.sql }))).toEqual([{ version: 1, sql: DEMO_JOB_SQL }]);
  });

  it('applies a given admin password on every call and keeps it when none is given', async () => {
    await seedAdmin(prisma, { password: 'first-password' });
    const again = await seedAdmin(prisma, { password: 'second-password' });
    const kept = await seedAdmin(prisma);

    expect(again.generatedPassword).toBeUndefined();
    expect(kept.generatedPassword).toBeUndefined();
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.adminEmail } });
    expect(await verifyPassword('second-password', admin.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword('first-password', admin.passwordHash ?? '')).toBe(false);
  });

  it('refuses a second row for the same job version', async () => {
    const { jobId } = await seedDemo(prisma);

    await expect(prisma.jobVersion.create({ data: { jobId, version: 1, sql: 'SELECT 1' } })).rejects.toMatchObject({
      code: 'P2002',
    });
    await expect(prisma.jobVersion.create({ data: { jobId, version: 2, sql: 'SELECT 1' } })).resolves.toMatchObject({
      version: 2,
    });
  });
});
