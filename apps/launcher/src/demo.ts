import { WeirError } from '@weir/contracts';
import type { Deployment, JobList } from '@weir/contracts';
import { DEMO, issueApiToken, type PrismaClient, type SeedDemoResult } from '@weir/db';

/** Long enough for the two requests below; the token is revoked right after anyway. */
const TOKEN_LIFETIME_MS = 5 * 60_000;

/**
 * Deploys the seeded demo job through the API unless it already has an active deployment. The
 * launcher acts as the admin through a short-lived API token, so it needs no password and the
 * audit log names it.
 */
export async function deployDemoJob(db: PrismaClient, apiUrl: string, seeded: SeedDemoResult): Promise<Deployment | undefined> {
  const issued = await issueApiToken(db, {
    workspaceId: seeded.workspaceId,
    createdById: seeded.userId,
    name: 'launcher: deploy the demo job',
    role: 'EDITOR',
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS),
  });
  const headers = { authorization: `Bearer ${issued.token}` };
  try {
    const listed = await fetch(`${apiUrl}/api/v1/jobs`, { headers });
    if (!listed.ok) throw new WeirError('UNAVAILABLE', `listing the demo workspace's jobs failed: ${listed.status} ${await listed.text()}`);
    const demo = ((await listed.json()) as JobList).items.find((j) => j.name === DEMO.jobName);
    if (!demo) return undefined;
    const active = demo.deployment && ['PENDING', 'STARTING', 'RUNNING'].includes(demo.deployment.status);
    if (active) return undefined;
    const res = await fetch(`${apiUrl}/api/v1/jobs/${demo.id}/deploy`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    if (!res.ok) throw new WeirError('UNAVAILABLE', `deploying the demo job failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as Deployment;
  } finally {
    await db.apiToken.update({ where: { id: issued.id }, data: { revokedAt: new Date() } });
  }
}
