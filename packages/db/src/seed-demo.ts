import { DEMO_JOB_SQL } from './demo-job-sql';
import type { PrismaClient } from './generated/prisma/client';
import { hashPassword } from './password-hash';

/** What the demo seed creates; the password is the well-known one of a local demo install. */
export const DEMO = {
  workspaceSlug: 'demo',
  workspaceName: 'Demo',
  adminEmail: 'admin@weir.local',
  adminName: 'Admin',
  adminPassword: 'admin',
  jobName: 'datagen-to-blackhole',
  jobDescription: 'Generated orders, filtered to those over 100, into a blackhole sink.',
} as const;

export interface SeedDemoResult {
  workspaceId: string;
  userId: string;
  jobId: string;
  jobVersionId: string;
}

/**
 * Creates the demo workspace, its admin (OWNER) and the demo job with version 1. Idempotent:
 * rows that exist are kept as they are (an admin who changed the password keeps it), except
 * that the admin is made OWNER of the demo workspace again.
 */
export async function seedDemo(prisma: PrismaClient): Promise<SeedDemoResult> {
  const passwordHash = await hashPassword(DEMO.adminPassword);
  return prisma.$transaction(async (tx) => {
    const workspace = await tx.workspace.upsert({
      where: { slug: DEMO.workspaceSlug },
      create: { slug: DEMO.workspaceSlug, name: DEMO.workspaceName },
      update: {},
    });
    const user = await tx.user.upsert({
      where: { email: DEMO.adminEmail },
      create: { email: DEMO.adminEmail, name: DEMO.adminName, passwordHash },
      update: {},
    });
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role: 'OWNER' },
      update: { role: 'OWNER' },
    });
    const job = await tx.job.upsert({
      where: { workspaceId_name: { workspaceId: workspace.id, name: DEMO.jobName } },
      create: { workspaceId: workspace.id, name: DEMO.jobName, description: DEMO.jobDescription, latestVersion: 1 },
      update: {},
    });
    // Versions are immutable: an existing version 1 is left untouched.
    const version = await tx.jobVersion.upsert({
      where: { jobId_version: { jobId: job.id, version: 1 } },
      create: { jobId: job.id, version: 1, sql: DEMO_JOB_SQL, createdById: user.id },
      update: {},
    });
    return { workspaceId: workspace.id, userId: user.id, jobId: job.id, jobVersionId: version.id };
  });
}
