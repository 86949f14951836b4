import type { ApiError, Job, JobVersionList, VersionDiff } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobService } from '../../services/job-service';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let ann: { authorization: string };
let bob: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_job_versions');
  db = createPrismaClient(database.url);
  const jobs = new JobService(db, { statusOf: () => Promise.reject(new Error('no deployments here')) });
  testApp = await buildTestApp(db, { jobs }, { redisPrefix: 'weir-test-job-versions' });
  const workspaceId = (await db.workspace.create({ data: { slug: 'vers', name: 'Versions' } })).id;
  await createUser(db, 'ann@vers.example', 'ann-password', { [workspaceId]: 'EDITOR' });
  await createUser(db, 'bob@vers.example', 'bob-password', { [workspaceId]: 'EDITOR' });
  ann = await signIn(testApp.app, 'ann@vers.example', 'ann-password');
  bob = await signIn(testApp.app, 'bob@vers.example', 'bob-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

const inject = (who: { authorization: string }, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  testApp.app.inject({ method, url: `/api/v1${url}`, headers: who, ...(payload === undefined ? {} : { payload }) });

const V1 = "CREATE TABLE s (id INT) WITH ('connector' = 'datagen');\nCREATE TABLE k (id INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT id FROM s;";
const V2 = V1.replace('SELECT id FROM s;', 'SELECT id FROM s\nWHERE id > 0;');

describe('job versions', () => {
  it('refuses a save over a newer version naming who saved it, diffs two versions and rolls back', async () => {
    const job = (await inject(ann, 'POST', '/jobs', { name: 'versioned', sql: V1, message: 'first' })).json<Job>();
    const saved = await inject(bob, 'PUT', `/jobs/${job.id}`, { sql: V2, message: 'only positive ids', baseVersion: 1 });
    expect(saved.json<Job>().latestVersion).toMatchObject({ version: 2, message: 'only positive ids', createdBy: 'bob@vers.example' });

    const stale = await inject(ann, 'PUT', `/jobs/${job.id}`, { sql: `${V1}\n`, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ApiError>().message).toMatch(/^version 2 was saved by bob@vers\.example at \d{4}-\d\d-\d\dT/);
    expect(stale.json<ApiError>().details).toMatchObject({ latestVersion: 2, savedBy: 'bob@vers.example' });

    const diff = (await inject(ann, 'GET', `/jobs/${job.id}/versions/1/diff/2`)).json<VersionDiff>();
    expect(diff.lines.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'INSERT INTO k SELECT id FROM s;', a: 3 },
      { kind: 'added', text: 'INSERT INTO k SELECT id FROM s', b: 3 },
      { kind: 'added', text: 'WHERE id > 0;', b: 4 },
    ]);
    expect([diff.added, diff.removed, diff.functionsChanged]).toEqual([2, 1, false]);

    const rolled = (await inject(ann, 'POST', `/jobs/${job.id}/rollback`, { version: 1 })).json<Job>();
    expect(rolled.latestVersion).toMatchObject({ version: 3, sql: V1, message: 'roll back to version 1', createdBy: 'ann@vers.example' });
    const history = (await inject(ann, 'GET', `/jobs/${job.id}/versions`)).json<JobVersionList>();
    expect(history.items.map((v) => [v.version, v.message, v.createdBy])).toEqual([
      [3, 'roll back to version 1', 'ann@vers.example'],
      [2, 'only positive ids', 'bob@vers.example'],
      [1, 'first', 'ann@vers.example'],
    ]);
    const missing = await inject(ann, 'POST', `/jobs/${job.id}/rollback`, { version: 9 });
    expect([missing.statusCode, missing.json<ApiError>().details]).toEqual([404, { issues: [{ path: 'version', message: 'no version 9' }] }]);
  });
});
