import { DeploymentConfig, JobSavepointList, type ApiError } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiApp } from '../../app';
import { DeploymentHistory } from '../../services/deployment-history';
import { JobService } from '../../services/job-service';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let app: ApiApp;
let workspaceId: string;
let otherWorkspaceId: string;
let auth: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_job_savepoints');
  db = createPrismaClient(database.url);
  workspaceId = (await db.workspace.create({ data: { slug: 'default', name: 'Default' } })).id;
  otherWorkspaceId = (await db.workspace.create({ data: { slug: 'other', name: 'Other' } })).id;
  // Only the job and history services serve this route; the others must not be reached.
  testApp = await buildTestApp(db, { jobs: new JobService(db, { statusOf: async () => 'STOPPED' }), history: new DeploymentHistory(db) }, {
    redisPrefix: 'weir-test-job-savepoints',
  });
  app = testApp.app;
  await createUser(db, 'viewer@example.com', 'viewer-password', { [workspaceId]: 'VIEWER' });
  auth = await signIn(app, 'viewer@example.com', 'viewer-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

/** A job with `versions` versions in `workspace`, one deployment per version. */
async function jobWithDeployments(workspace: string, name: string, versions: number) {
  const job = await db.job.create({
    data: { workspaceId: workspace, name, latestVersion: versions, versions: { create: Array.from({ length: versions }, (_, i) => ({ version: i + 1, sql: `-- v${i + 1}` })) } },
    include: { versions: { orderBy: { version: 'asc' } } },
  });
  const config = DeploymentConfig.parse({});
  const checkpointing = { enabled: true, intervalMs: 10_000, mode: 'EXACTLY_ONCE', timeoutMs: 600_000, minPauseMs: 0, incremental: false, numRetained: 1, maxChainLength: 10 };
  const deployments = [];
  for (const version of job.versions) {
    deployments.push(await db.deployment.create({ data: { jobId: job.id, jobVersionId: version.id, config, checkpointing } }));
  }
  return { job, deployments };
}

function snapshot(deploymentId: string, checkpointId: number, kind: 'CHECKPOINT' | 'SAVEPOINT', status: 'COMPLETED' | 'FAILED', completedAtMs: number) {
  return db.checkpoint.create({
    data: {
      deploymentId,
      checkpointId,
      kind,
      status,
      location: status === 'COMPLETED' ? `file:///tmp/cp/${deploymentId}/sp-${checkpointId}` : null,
      fullSizeBytes: BigInt(4096),
      operators: [{ operatorId: 'agg', name: 'GroupAggregate', sizeBytes: 4096, fullSizeBytes: 4096 }],
      triggeredAt: new Date(completedAtMs - 50),
      completedAt: status === 'COMPLETED' ? new Date(completedAtMs) : null,
      durationMs: status === 'COMPLETED' ? 50 : null,
      error: status === 'FAILED' ? 'disk full' : null,
    },
  });
}

describe('GET /jobs/:id/savepoints', () => {
  it("lists the completed savepoints of every deployment of the job, newest first, with the version that wrote each", async () => {
    const { job, deployments } = await jobWithDeployments(workspaceId, 'with-savepoints', 2);
    const first = deployments[0]!;
    const second = deployments[1]!;
    const t = Date.parse('2026-01-01T00:00:00Z');
    const older = await snapshot(first.id, 3, 'SAVEPOINT', 'COMPLETED', t);
    await snapshot(first.id, 4, 'CHECKPOINT', 'COMPLETED', t + 1000);
    await snapshot(second.id, 1, 'SAVEPOINT', 'FAILED', t + 2000);
    const newer = await snapshot(second.id, 2, 'SAVEPOINT', 'COMPLETED', t + 3000);
    const elsewhere = await jobWithDeployments(workspaceId, 'another-job', 1);
    await snapshot(elsewhere.deployments[0]!.id, 1, 'SAVEPOINT', 'COMPLETED', t + 4000);

    const res = await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/savepoints`, headers: auth });

    expect(res.statusCode).toBe(200);
    const { items } = JobSavepointList.parse(res.json());
    expect(items.map((s) => [s.id, s.deploymentId, s.version, s.checkpointId])).toEqual([
      [newer.id, second.id, 2, 2],
      [older.id, first.id, 1, 3],
    ]);
    expect(items[0]).toMatchObject({ kind: 'SAVEPOINT', status: 'COMPLETED', fullSizeBytes: 4096, location: `file:///tmp/cp/${second.id}/sp-2` });
  });

  it('honours the limit', async () => {
    const { job, deployments } = await jobWithDeployments(workspaceId, 'limited', 1);
    for (let n = 1; n <= 3; n++) await snapshot(deployments[0]!.id, n, 'SAVEPOINT', 'COMPLETED', Date.parse('2026-02-01T00:00:00Z') + n);
    const res = await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/savepoints?limit=2`, headers: auth });
    expect(JobSavepointList.parse(res.json()).items.map((s) => s.checkpointId)).toEqual([3, 2]);
  });

  it('answers an empty list for a job that never took a savepoint', async () => {
    const { job } = await jobWithDeployments(workspaceId, 'no-savepoints', 1);
    const res = await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/savepoints`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [] });
  });

  it('answers 404 NOT_FOUND for an unknown job and for a job of another workspace', async () => {
    const foreign = await jobWithDeployments(otherWorkspaceId, 'foreign', 1);
    await snapshot(foreign.deployments[0]!.id, 1, 'SAVEPOINT', 'COMPLETED', Date.parse('2026-03-01T00:00:00Z'));
    for (const id of ['no-such-job', foreign.job.id]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}/savepoints`, headers: auth });
      expect(res.statusCode).toBe(404);
      expect(res.json<ApiError>().code).toBe('NOT_FOUND');
    }
  });
});
