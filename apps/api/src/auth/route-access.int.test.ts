import { AUTH, DeploymentConfig, type ApiError } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, issueApiToken, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiApp } from '../app';
import { buildTestApp, createUser, signIn, type TestApp } from '../test-support/test-app';

// Walks every route of the OpenAPI document, so a route added without an access rule (or with
// a wrong one) fails here. The services behind the routes are never reached: every refusal
// below happens in the access hook.

/** Routes anyone may call (a joining worker proves itself with the join token in the body). */
const PUBLIC = new Set(['POST /auth/login', 'GET /health', 'POST /pools/join']);
/** Routes about the caller themself: any signed-in user, no workspace role involved. */
const SIGNED_IN = new Set(['GET /me', 'POST /auth/logout', 'POST /me/password', 'GET /workspaces', 'POST /workspaces']);
/** Non-GET routes a viewer may call, and why. */
const VIEWER_MAY_POST = new Map([
  ['POST /validate', 'checks SQL, stores nothing'],
  ['POST /jobs/{id}/validate', 'checks SQL, stores nothing'],
  ['POST /format', 'formats SQL, stores nothing'],
  ['POST /explain', 'compiles SQL, stores nothing'],
  ['POST /tokens', 'creates a credential no stronger than the caller (asserted below)'],
]);

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let app: ApiApp;
let routes: { method: string; path: string }[];
const fixtures: Record<string, string> = {};
const as: Record<'owner' | 'viewer' | 'outsider' | 'outsiderToken', Record<string, string>> = { owner: {}, viewer: {}, outsider: {}, outsiderToken: {} };
let workspaceA: string;

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_route_access');
  db = createPrismaClient(database.url);
  testApp = await buildTestApp(db, {}, { redisPrefix: 'weir-test-route-access' });
  app = testApp.app;
  workspaceA = (await db.workspace.create({ data: { slug: 'team-a', name: 'Team A' } })).id;
  const workspaceB = (await db.workspace.create({ data: { slug: 'team-b', name: 'Team B' } })).id;
  const owner = await createUser(db, 'owner@a.example', 'owner-password', { [workspaceA]: 'OWNER' });
  await createUser(db, 'viewer@a.example', 'viewer-password', { [workspaceA]: 'VIEWER' });
  const outsider = await createUser(db, 'owner@b.example', 'outsider-password', { [workspaceB]: 'OWNER' });
  as.owner = await signIn(app, 'owner@a.example', 'owner-password');
  as.viewer = await signIn(app, 'viewer@a.example', 'viewer-password');
  as.outsider = await signIn(app, 'owner@b.example', 'outsider-password');
  const foreignToken = await issueApiToken(db, { workspaceId: workspaceB, createdById: outsider.id, name: 'ci', role: 'OWNER', expiresAt: null });
  as.outsiderToken = { authorization: `Bearer ${foreignToken.token}` };

  const job = await db.job.create({ data: { workspaceId: workspaceA, name: 'a-job', latestVersion: 1, versions: { create: { version: 1, sql: 'SELECT 1' } } }, include: { versions: true } });
  const deployment = await db.deployment.create({
    data: { jobId: job.id, jobVersionId: job.versions[0]!.id, config: DeploymentConfig.parse({}), checkpointing: {} },
  });
  const token = await issueApiToken(db, { workspaceId: workspaceA, createdById: owner.id, name: 'deploy-bot', role: 'EDITOR', expiresAt: null });
  await db.secret.create({ data: { workspaceId: workspaceA, name: 'PG_PASSWORD', keyVersion: 2, iv: '', tag: '', ciphertext: '' } });
  const joinToken = await db.poolJoinToken.create({ data: { workspaceId: workspaceA, createdById: owner.id, name: 'rack-1', prefix: 'weir_join_x', tokenHash: 'not-a-hash' } });
  const connection = await db.connection.create({ data: { workspaceId: workspaceA, name: 'warehouse', type: 'postgres', options: { hostname: '127.0.0.1', 'database-name': 'x', username: 'u' } } });
  const table = await db.catalogTable.create({ data: { workspaceId: workspaceA, name: 'orders', ddl: "CREATE TABLE orders (id INT) WITH ('connector' = 'datagen')", connector: 'datagen', roles: ['SOURCE'], columns: [] } });
  const fn = await db.catalogFunction.create({ data: { workspaceId: workspaceA, name: 'shout', source: '(s) => s', resultType: 'STRING' } });
  const debugRun = await db.debugRun.create({ data: { jobId: job.id, version: 1, sql: 'SELECT 1', limits: {}, queue: 'weir-pool-shared', status: 'FINISHED' } });
  Object.assign(fixtures, { 'debug-runs': debugRun.id, connections: connection.id, 'catalog/tables': table.id, 'catalog/functions': fn.id, jobs: job.id, deployments: deployment.id, workspaces: workspaceA, tokens: token.id, userId: owner.id, secretName: 'PG_PASSWORD', tokenId: joinToken.id });

  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path: path.replace(/^\/api\/v1/, '') })),
  );
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

/** The route's path with workspace A's resources filled in; a new resource kind must be given a fixture here. */
function urlOf(path: string): string {
  // The collection a {id} belongs to: `jobs`, `catalog/tables`.
  const kind = path.includes('/{id}') ? path.slice(1, path.indexOf('/{id}')) : '';
  return `/api/v1${path.replace('{id}', () => {
    const id = fixtures[kind];
    if (!id) throw new Error(`no fixture for the {id} of ${path}: add one for '${kind}' to this test`);
    return id;
  }).replace('{userId}', fixtures.userId ?? '').replace('{name}', fixtures.secretName ?? '').replace('{tokenId}', fixtures.tokenId ?? '')}`;
}

const call = (route: { method: string; path: string }, headers: Record<string, string>) =>
  app.inject({ method: route.method as 'GET', url: urlOf(route.path), headers: { ...headers, [AUTH.workspaceHeader]: workspaceA }, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('every route of the OpenAPI document', () => {
  it('is listed, and the document names the public ones', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const name of [...PUBLIC, ...SIGNED_IN, ...VIEWER_MAY_POST.keys()]) expect(routes.map(key)).toContain(name);
  });

  it('answers 401 UNAUTHENTICATED to an anonymous caller, except the public ones', async () => {
    for (const route of routes) {
      const res = await call(route, {});
      if (PUBLIC.has(key(route))) expect(res.statusCode, key(route)).not.toBe(401);
      else expect([res.statusCode, res.json<ApiError>().code], key(route)).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('answers 401 to a bearer token that does not exist', async () => {
    for (const route of routes.filter((r) => !PUBLIC.has(key(r)))) {
      const res = await call(route, { authorization: `Bearer ${AUTH.apiTokenPrefix}not-a-real-token` });
      expect(res.statusCode, key(route)).toBe(401);
    }
  });

  it('answers 403 FORBIDDEN to a viewer on every write', async () => {
    const writes = routes.filter((r) => r.method !== 'GET' && !PUBLIC.has(key(r)) && !SIGNED_IN.has(key(r)) && !VIEWER_MAY_POST.has(key(r)));
    expect(writes.map(key)).toEqual(expect.arrayContaining(['POST /jobs', 'PUT /jobs/{id}', 'POST /jobs/{id}/deploy', 'POST /deployments/{id}/stop']));
    for (const route of writes) {
      const res = await call(route, as.viewer);
      expect([res.statusCode, res.json<ApiError>().code], key(route)).toEqual([403, 'FORBIDDEN']);
    }
  });

  it("answers 404 NOT_FOUND to a member of another workspace, signed in or by API token, reading or writing", async () => {
    const scoped = routes.filter((r) => !PUBLIC.has(key(r)) && !SIGNED_IN.has(key(r)));
    for (const route of scoped) {
      for (const who of [as.outsider, as.outsiderToken]) {
        const res = await call(route, who);
        expect([res.statusCode, res.json<ApiError>().code], key(route)).toEqual([404, 'NOT_FOUND']);
      }
    }
  });

  it("does not list another workspace's to an outsider", async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: as.outsider });
    expect(res.json<{ items: { slug: string }[] }>().items.map((w) => w.slug)).toEqual(['team-b']);
  });

  it('lets a viewer create a token no stronger than VIEWER', async () => {
    const headers = { ...as.viewer, [AUTH.workspaceHeader]: 'team-a' };
    const editor = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'dash', role: 'EDITOR' } });
    expect([editor.statusCode, editor.json<ApiError>().code]).toEqual([403, 'FORBIDDEN']);
    const viewer = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'dash', role: 'VIEWER' } });
    expect(viewer.statusCode).toBe(201);
  });

  it('lets the owner through the same checks (the refusals above are about the caller, not the route)', async () => {
    const res = await app.inject({ method: 'GET', url: urlOf('/workspaces/{id}/members'), headers: as.owner });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { email: string; role: string }[] }>().items.map((m) => [m.email, m.role])).toEqual([
      ['owner@a.example', 'OWNER'],
      ['viewer@a.example', 'VIEWER'],
    ]);
  });
});
