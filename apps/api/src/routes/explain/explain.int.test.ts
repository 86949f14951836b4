import type { ApiError, ExplainResponse, Job, ValidateResponse } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobService } from '../../services/job-service';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let owner: { authorization: string };
let viewer: { authorization: string };
let outsider: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_explain');
  db = createPrismaClient(database.url);
  const jobs = new JobService(db, { statusOf: () => Promise.reject(new Error('no deployments here')) });
  testApp = await buildTestApp(db, { jobs }, { redisPrefix: 'weir-test-explain' });
  const workspaceId = (await db.workspace.create({ data: { slug: 'expl', name: 'Explain' } })).id;
  const otherId = (await db.workspace.create({ data: { slug: 'other', name: 'Other' } })).id;
  await createUser(db, 'owner@expl.example', 'owner-password', { [workspaceId]: 'OWNER' });
  await createUser(db, 'viewer@expl.example', 'viewer-password', { [workspaceId]: 'VIEWER' });
  await createUser(db, 'owner@other.example', 'other-password', { [otherId]: 'OWNER' });
  owner = await signIn(testApp.app, 'owner@expl.example', 'owner-password');
  viewer = await signIn(testApp.app, 'viewer@expl.example', 'viewer-password');
  outsider = await signIn(testApp.app, 'owner@other.example', 'other-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

const inject = (who: { authorization: string }, url: string, payload: object) =>
  testApp.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who, payload });

const SINK = "CREATE TABLE per_bidder (bidder BIGINT, n BIGINT, loudest STRING) WITH ('connector' = 'print');\n";

describe('POST /explain', () => {
  it("draws a job over the workspace's catalog table and function, with a job's saved functions by jobId", async () => {
    expect((await inject(owner, '/catalog/tables', { ddl: "CREATE TABLE bids (bidder BIGINT, channel STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5')", roles: ['source'] })).statusCode).toBe(201);
    expect((await inject(owner, '/catalog/functions', { name: 'shout', source: '(s) => s.toUpperCase()', resultType: 'STRING', argumentTypes: ['STRING'] })).statusCode).toBe(201);
    const sql = `SET 'parallelism.default' = '3';\n${SINK}INSERT INTO per_bidder SELECT bidder, COUNT(*), MAX(shout(channel)) FROM bids GROUP BY bidder;`;

    const res = await inject(viewer, '/explain', { sql });
    expect(res.statusCode).toBe(200);
    const { graph, text } = res.json<ExplainResponse>();
    expect(graph.vertices.map((v) => [v.name, v.parallelism])).toEqual([['Source: bids -> Calc', 3], ['GroupAggregate -> Sink: per_bidder', 3]]);
    expect(graph.edges).toEqual([{ source: 'v1', target: 'v2', partitioning: 'hash', keys: ['bidder'], changelogMode: 'I', targetInput: 0 }]);
    const aggregate = graph.vertices[1]?.operators[0];
    expect(aggregate).toMatchObject({ kind: 'group_aggregate', changelogMode: 'I,UB,UA', state: { scope: 'keyed', keys: ['bidder'], description: 'accumulators of COUNT(*), MAX($f1) per group key [bidder]' } });
    expect(text).toContain('v1 -> v2 [HASH($0)]');

    const job = (await inject(owner, '/jobs', { name: 'twice', sql: '', functions: [{ identifier: 'com.example.Twice', source: '(n) => n * 2', resultType: 'BIGINT' }] })).json<Job>();
    const withOwnFunction = `CREATE FUNCTION twice AS 'com.example.Twice';\n${SINK}INSERT INTO per_bidder SELECT twice(bidder), 1, channel FROM bids;`;
    expect((await inject(viewer, '/explain', { sql: withOwnFunction, jobId: job.id })).statusCode).toBe(200);
    expect((await inject(viewer, '/explain', { sql: withOwnFunction })).json<ApiError>()).toMatchObject({ code: 'SQL_INVALID', details: { diagnostics: [{ code: 'UDF_LOAD_FAILED', line: 1, column: 26 }, { line: 3, column: 31 }] } });
    expect((await inject(outsider, '/explain', { sql: withOwnFunction, jobId: job.id })).json<ApiError>().code).toBe('NOT_FOUND');
  });

  it('refuses bad SQL with 400 and the diagnostics validation reports, at their line and column', async () => {
    const sql = `${SINK}INSERT INTO per_bidder\nSELECT bidder, COUNT(*), MAX(chanel) FROM bids GROUP BY bidder;`;
    const res = await inject(viewer, '/explain', { sql });
    expect(res.statusCode).toBe(400);
    const body = res.json<ApiError>();
    expect(body.code).toBe('SQL_INVALID');
    expect(body.message).toMatch(/^the job's SQL is invalid \(line 3, column 30: /);
    const validation = (await inject(viewer, '/validate', { sql })).json<ValidateResponse>();
    expect(validation.diagnostics).toMatchObject([{ line: 3, column: 30 }]);
    expect(body.details).toEqual({ diagnostics: validation.diagnostics });

    const noInsert = await inject(viewer, '/explain', { sql: SINK });
    expect([noInsert.statusCode, noInsert.json<ApiError>()]).toMatchObject([400, { code: 'SQL_INVALID', details: { engineCode: 'NO_SINK' } }]);
  });
});
