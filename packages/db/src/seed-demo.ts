import { randomBytes } from 'node:crypto';
import { DEMO_JOB_SQL } from './demo-job-sql';
import type { PrismaClient } from './generated/prisma/client';
import { hashPassword } from './password-hash';

/** What the demo seed creates. */
export const DEMO = {
  workspaceSlug: 'demo',
  workspaceName: 'Demo',
  adminEmail: 'admin@weir.local',
  adminName: 'Admin',
  jobName: 'datagen-to-blackhole',
  jobDescription: 'Generated orders, filtered to those over 100, into a blackhole sink.',
} as const;

export interface SeedAdminOptions {
  /** Set as the admin's password on every call; when absent, a new admin gets a generated one. */
  password?: string;
}

export interface SeedAdminResult {
  workspaceId: string;
  userId: string;
  /** The password generated for an admin created by this call, to be shown once. */
  generatedPassword?: string;
}

export interface SeedDemoResult extends SeedAdminResult {
  jobId: string;
  jobVersionId: string;
}

/** A password of 24 characters from 18 random bytes. */
function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Creates the demo workspace and its admin (OWNER). Idempotent: an existing admin keeps the
 * password they chose unless `password` is given, and is made OWNER of the demo workspace again.
 */
export async function seedAdmin(prisma: PrismaClient, options: SeedAdminOptions = {}): Promise<SeedAdminResult> {
  const existing = await prisma.user.findUnique({ where: { email: DEMO.adminEmail }, select: { id: true } });
  const generatedPassword = options.password === undefined && !existing ? generatePassword() : undefined;
  const chosen = options.password ?? generatedPassword;
  const passwordHash = chosen === undefined ? undefined : await hashPassword(chosen);
  return prisma.$transaction(async (tx) => {
    const workspace = await tx.workspace.upsert({
      where: { slug: DEMO.workspaceSlug },
      create: { slug: DEMO.workspaceSlug, name: DEMO.workspaceName },
      update: {},
    });
    const user = await tx.user.upsert({
      where: { email: DEMO.adminEmail },
      create: { email: DEMO.adminEmail, name: DEMO.adminName, passwordHash: passwordHash ?? null },
      update: passwordHash === undefined ? {} : { passwordHash },
    });
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role: 'OWNER' },
      update: { role: 'OWNER' },
    });
    return { workspaceId: workspace.id, userId: user.id, ...(generatedPassword ? { generatedPassword } : {}) };
  });
}

/** seedAdmin, then the demo job with version 1 (an existing job and its versions are left untouched). */
export async function seedDemo(prisma: PrismaClient, options: SeedAdminOptions = {}): Promise<SeedDemoResult> {
  const admin = await seedAdmin(prisma, options);
  const job = await prisma.job.upsert({
    where: { workspaceId_name: { workspaceId: admin.workspaceId, name: DEMO.jobName } },
    create: { workspaceId: admin.workspaceId, name: DEMO.jobName, description: DEMO.jobDescription, latestVersion: 1 },
    update: {},
  });
  // Versions are immutable: an existing version 1 is left untouched.
  const version = await prisma.jobVersion.upsert({
    where: { jobId_version: { jobId: job.id, version: 1 } },
    create: { jobId: job.id, version: 1, sql: DEMO_JOB_SQL, createdById: admin.userId },
    update: {},
  });
  return { ...admin, jobId: job.id, jobVersionId: version.id };
}
