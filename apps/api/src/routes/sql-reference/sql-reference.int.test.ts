import type { ApiError, SqlReference } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let viewer: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_sql_reference');
  db = createPrismaClient(database.url);
  testApp = await buildTestApp(db, {}, { redisPrefix: 'weir-test-sql-reference' });
  const workspaceId = (await db.workspace.create({ data: { slug: 'ref', name: 'Reference' } })).id;
  await createUser(db, 'vera@ref.example', 'vera-password', { [workspaceId]: 'VIEWER' });
  viewer = await signIn(testApp.app, 'vera@ref.example', 'vera-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

describe('GET /sql/reference', () => {
  it('gives a viewer the functions, every connector the workers run with option values, and the SET keys', async () => {
    const res = await testApp.app.inject({ method: 'GET', url: '/api/v1/sql/reference', headers: viewer });
    expect(res.statusCode).toBe(200);
    const reference = res.json<SqlReference>();
    expect(reference.functions.find((f) => f.name === 'DATE_FORMAT')).toMatchObject({ kind: 'scalar', category: 'temporal' });
    const kafka = reference.connectors.find((c) => c.name === 'kafka');
    expect(kafka?.roles).toEqual(['source', 'sink']);
    expect(kafka?.options.find((o) => o.key === 'scan.startup.mode')?.values).toEqual(['earliest-offset', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets']);
    expect(kafka?.options.find((o) => o.key === 'value.format')?.values).toContain('debezium-json');
    expect(reference.connectors.find((c) => c.name === 'jdbc')?.roles).toEqual(['source', 'sink', 'lookup']);
    expect(reference.sessionOptions.find((o) => o.key === 'table.optimizer.agg-phase-strategy')?.values).toEqual(['AUTO', 'ONE_PHASE', 'TWO_PHASE']);
  });

  it('refuses a caller who is not signed in', async () => {
    const res = await testApp.app.inject({ method: 'GET', url: '/api/v1/sql/reference' });
    expect(res.statusCode).toBe(401);
    expect(res.json<ApiError>().code).toBeDefined();
  });
});
