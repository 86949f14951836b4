import { AuditList, CreatedPoolJoinToken, JoinPoolResponse, PoolJoinTokenList, WorkspacePool } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let workspaceId: string;
let owner: { authorization: string };
let editor: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_pools');
  db = createPrismaClient(database.url);
  testApp = await buildTestApp(db, {}, { redisPrefix: 'weir-test-pools' });
  workspaceId = (await db.workspace.create({ data: { slug: 'rack', name: 'Rack' } })).id;
  await createUser(db, 'owner@rack.example', 'owner-password', { [workspaceId]: 'OWNER' });
  await createUser(db, 'editor@rack.example', 'editor-password', { [workspaceId]: 'EDITOR' });
  owner = await signIn(testApp.app, 'owner@rack.example', 'owner-password');
  editor = await signIn(testApp.app, 'editor@rack.example', 'editor-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

const inject = (headers: object, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
  testApp.app.inject({ method, url: `/api/v1${url}`, headers: headers as Record<string, string>, ...(payload === undefined ? {} : { payload }) });
const join = (joinToken: string, workerId = 'rack-worker-1') => inject({}, 'POST', '/pools/join', { joinToken, workerId });

describe('exclusive worker pools', () => {
  it('switch a workspace to its own queue, which a worker joins with a token shown once, until it is revoked', async () => {
    expect(WorkspacePool.parse((await inject(owner, 'GET', `/workspaces/${workspaceId}/pool`)).json())).toEqual({ workspaceId, mode: 'shared', queue: 'weir-pool-shared' });
    const refused = await inject(editor, 'PUT', `/workspaces/${workspaceId}/pool`, { mode: 'exclusive' });
    expect(refused.statusCode).toBe(403);

    const exclusive = WorkspacePool.parse((await inject(owner, 'PUT', `/workspaces/${workspaceId}/pool`, { mode: 'exclusive' })).json());
    expect(exclusive).toEqual({ workspaceId, mode: 'exclusive', queue: `weir-pool-ws-${workspaceId}` });

    const created = await inject(owner, 'POST', `/workspaces/${workspaceId}/pool/join-tokens`, { name: 'rack-1' });
    expect(created.statusCode).toBe(201);
    const { token, id } = CreatedPoolJoinToken.parse(created.json());
    expect(token).toMatch(/^weir_join_/);
    const listed = await inject(owner, 'GET', `/workspaces/${workspaceId}/pool/join-tokens`);
    expect(listed.body).not.toContain(token);
    expect(JSON.stringify(await db.poolJoinToken.findMany())).not.toContain(token);

    for (let i = 0; i < 3; i++) {
      const joined = await join(token);
      expect(joined.statusCode).toBe(200);
      expect(JoinPoolResponse.parse(joined.json())).toEqual({ workspaceId, workspaceSlug: 'rack', queue: exclusive.queue });
    }
    const used = PoolJoinTokenList.parse((await inject(owner, 'GET', `/workspaces/${workspaceId}/pool/join-tokens`)).json()).items[0];
    expect(used).toMatchObject({ id, name: 'rack-1', lastWorkerId: 'rack-worker-1', revokedAt: null });
    expect(used?.lastUsedAt).not.toBeNull();

    expect((await inject(owner, 'DELETE', `/workspaces/${workspaceId}/pool/join-tokens/${id}`)).statusCode).toBe(204);
    const revoked = await join(token);
    expect([revoked.statusCode, revoked.json<{ message: string }>().message]).toEqual([401, "join token 'rack-1' was revoked"]);
    expect((await join('weir_join_made-up')).statusCode).toBe(401);

    const audit = AuditList.parse((await inject(owner, 'GET', '/audit?action=pool.')).json());
    expect(audit.items.map((e) => e.action)).toEqual(['pool.join-token.revoke', 'pool.worker.join', 'pool.join-token.create', 'pool.update']);
  });

  it('refuses workers once the workspace is back on the shared pool', async () => {
    await inject(owner, 'PUT', `/workspaces/${workspaceId}/pool`, { mode: 'exclusive' });
    const { token } = CreatedPoolJoinToken.parse((await inject(owner, 'POST', `/workspaces/${workspaceId}/pool/join-tokens`, { name: 'rack-2' })).json());
    expect((await join(token)).statusCode).toBe(200);
    await inject(owner, 'PUT', `/workspaces/${workspaceId}/pool`, { mode: 'shared' });
    const res = await join(token);
    expect([res.statusCode, res.json<{ message: string }>().message]).toEqual([409, "workspace 'rack' runs on the shared pool; set its pool to exclusive before workers join it"]);
  });
});
