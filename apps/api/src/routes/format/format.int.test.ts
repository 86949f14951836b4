import type { ApiError, FormatResponse } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let viewer: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_format');
  db = createPrismaClient(database.url);
  testApp = await buildTestApp(db, {}, { redisPrefix: 'weir-test-format' });
  const workspaceId = (await db.workspace.create({ data: { slug: 'fmt', name: 'Format' } })).id;
  await createUser(db, 'vera@fmt.example', 'vera-password', { [workspaceId]: 'VIEWER' });
  viewer = await signIn(testApp.app, 'vera@fmt.example', 'vera-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

const format = (payload: object) => testApp.app.inject({ method: 'POST', url: '/api/v1/format', headers: viewer, payload });

describe('POST /format', () => {
  it('formats a script for a viewer, keeping its comments', async () => {
    const res = await format({ sql: "-- totals\ninsert into sink select auction, count(*) from bid where price > 10 group by auction;select 1" });
    expect(res.statusCode).toBe(200);
    expect(res.json<FormatResponse>().sql).toBe('-- totals\nINSERT INTO sink\nSELECT auction, count(*)\nFROM bid\nWHERE price > 10\nGROUP BY auction;\n\nSELECT 1\n');
  });

  it('answers 400 naming the field when sql is missing', async () => {
    const res = await format({});
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>()).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.sql' }] } });
    expect(res.json<ApiError>().message).toContain('body.sql');
  });

  it('answers 400 SQL_INVALID at the line and column of SQL that does not lex', async () => {
    const res = await format({ sql: "SELECT 1;\nSELECT 'open" });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>()).toMatchObject({
      code: 'SQL_INVALID',
      message: 'the SQL cannot be formatted (line 2, column 8: unterminated string literal)',
      details: { diagnostics: [{ code: 'SQL_SYNTAX', line: 2, column: 8 }] },
    });
  });
});
