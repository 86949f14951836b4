import { Job, ValidateResponse } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobService } from '../../services/job-service';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let editor: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_job_functions');
  db = createPrismaClient(database.url);
  const jobs = new JobService(db, { statusOf: () => Promise.reject(new Error('no deployments here')) });
  testApp = await buildTestApp(db, { jobs }, { redisPrefix: 'weir-test-job-functions' });
  const workspaceId = (await db.workspace.create({ data: { slug: 'udx', name: 'UDX' } })).id;
  await createUser(db, 'editor@udx.example', 'editor-password', { [workspaceId]: 'EDITOR' });
  editor = await signIn(testApp.app, 'editor@udx.example', 'editor-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

const inject = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  testApp.app.inject({ method, url: `/api/v1${url}`, headers: editor, ...(payload === undefined ? {} : { payload }) });

const sql = `
  CREATE FUNCTION count_char AS 'com.github.nexmark.flink.udf.CountChar';
  CREATE TABLE src (s STRING) WITH ('connector' = 'datagen');
  CREATE TABLE out (n BIGINT) WITH ('connector' = 'blackhole');
  INSERT INTO out SELECT count_char(s, 'a') FROM src;`;
const countChar = {
  identifier: 'com.github.nexmark.flink.udf.CountChar',
  language: 'javascript',
  source: '(s, c) => s === null ? null : s.split(c).length - 1',
  resultType: 'BIGINT',
  argumentTypes: ['STRING', 'STRING'],
};

describe('user functions of a job', () => {
  it('are saved with a version, kept by a save that does not mention them, and cleared by an empty list', async () => {
    const created = await inject('POST', '/jobs', { name: 'udx', sql, functions: [countChar] });
    expect(created.statusCode).toBe(201);
    const job = Job.parse(created.json());
    expect(job.latestVersion.functions).toEqual([countChar]);

    const kept = Job.parse((await inject('PUT', `/jobs/${job.id}`, { sql: `${sql}\n-- v2` })).json());
    expect(kept.latestVersion).toMatchObject({ version: 2, functions: [countChar] });

    const cleared = Job.parse((await inject('PUT', `/jobs/${job.id}`, { sql, functions: [] })).json());
    expect(cleared.latestVersion).toMatchObject({ version: 3, functions: [] });
    const firstVersion = await db.jobVersion.findFirstOrThrow({ where: { jobId: job.id, version: 1 } });
    expect(firstVersion.config).toMatchObject({ functions: [countChar] });
  });

  it('type-check the SQL that calls them, and a Java class without one is reported where it is named', async () => {
    const ok = ValidateResponse.parse((await inject('POST', '/validate', { sql, functions: [countChar] })).json());
    expect(ok).toEqual({ ok: true, diagnostics: [] });

    const wrongArity = ValidateResponse.parse((await inject('POST', '/validate', { sql: sql.replace("count_char(s, 'a')", 'count_char(s)'), functions: [countChar] })).json());
    expect(wrongArity.ok).toBe(false);
    expect(wrongArity.diagnostics[0]).toMatchObject({ line: 5, message: 'com.github.nexmark.flink.udf.CountChar takes 2 arguments, got 1' });

    const missing = ValidateResponse.parse((await inject('POST', '/validate', { sql })).json());
    expect(missing.diagnostics[0]).toMatchObject({ code: 'UDF_LOAD_FAILED', line: 2 });
    expect(missing.diagnostics[0]?.message).toMatch(/Java classes cannot run in Weir/);
  });

  it('are refused by field when their source does not parse, and nothing is saved', async () => {
    const job = Job.parse((await inject('POST', '/jobs', { name: 'udx-broken', sql, functions: [countChar] })).json());
    const broken = { ...countChar, source: '(s, c) => {' };
    const res = await inject('PUT', `/jobs/${job.id}`, { sql, functions: [broken] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'functions.0.source', message: expect.stringMatching(/^SyntaxError: /) }] },
    });
    expect(Job.parse((await inject('GET', `/jobs/${job.id}`)).json()).latestVersion.version).toBe(1);

    const twice = await inject('POST', '/jobs', { name: 'udx-twice', sql, functions: [countChar, countChar] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ details: { issues: [{ path: 'body.functions.1.identifier' }] } });
  });
});
