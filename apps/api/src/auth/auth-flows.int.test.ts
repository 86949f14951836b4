import { AUTH, AuditList, CreatedToken, LoginResponse, Me, type AddMemberResponse, type ApiError } from '@weir/contracts';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiApp } from '../app';
import { JobService } from '../services/job-service';
import { buildTestApp, createUser, signIn, type TestApp } from '../test-support/test-app';
import { parseCookies } from './cookies';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let app: ApiApp;
let workspaceId: string;
let owner: { authorization: string };

const SQL = "CREATE TABLE s (a INT) WITH ('connector' = 'datagen');\nCREATE TABLE k (a INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT a FROM s;";

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_auth_flows');
  db = createPrismaClient(database.url);
  testApp = await buildTestApp(db, { jobs: new JobService(db, { statusOf: async () => 'STOPPED' }) }, {
    redisPrefix: 'weir-test-auth-flows',
    limits: { maxFailures: 3, lockoutMs: 60_000 },
  });
  app = testApp.app;
  workspaceId = (await db.workspace.create({ data: { slug: 'acme', name: 'Acme' } })).id;
  await createUser(db, 'owner@acme.example', 'owner-password', { [workspaceId]: 'OWNER' });
  owner = await signIn(app, 'owner@acme.example', 'owner-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

function cookiesOf(setCookie: string | string[] | undefined): string[] {
  return Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
}

describe('sign-in with a password', () => {
  it('sets an httpOnly session cookie and a readable CSRF cookie, and returns the session as a Bearer token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'Owner@Acme.example', password: 'owner-password' } });
    expect(res.statusCode).toBe(200);
    const body = LoginResponse.parse(res.json());
    expect(body.token.startsWith(AUTH.sessionTokenPrefix)).toBe(true);
    const cookies = cookiesOf(res.headers['set-cookie']);
    const session = cookies.find((c) => c.startsWith(`${AUTH.sessionCookie}=`));
    const csrf = cookies.find((c) => c.startsWith(`${AUTH.csrfCookie}=`));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(csrf).not.toMatch(/HttpOnly/);
    const me = Me.parse((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } })).json());
    expect(me).toMatchObject({ user: { email: 'owner@acme.example' }, authenticatedBy: 'session', workspace: { slug: 'acme', role: 'OWNER' } });
  });

  it('refuses a cookie-authenticated write without the CSRF header, and accepts it with the header', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'owner@acme.example', password: 'owner-password' } });
    const jar = new Map(cookiesOf(login.headers['set-cookie']).map((c) => {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1))] as const;
    }));
    const cookie = [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const payload = { name: 'csrf-checked', sql: SQL };

    const read = await app.inject({ method: 'GET', url: '/api/v1/jobs', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    const forged = await app.inject({ method: 'POST', url: '/api/v1/jobs', headers: { cookie }, payload });
    expect([forged.statusCode, forged.json<ApiError>().code]).toEqual([403, 'FORBIDDEN']);
    expect(forged.json<ApiError>().message).toContain(AUTH.csrfHeader);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/jobs', headers: { cookie, [AUTH.csrfHeader]: 'guess' }, payload });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/jobs', headers: { cookie, [AUTH.csrfHeader]: jar.get(AUTH.csrfCookie) ?? '' }, payload });
    expect(ok.statusCode).toBe(201);
    expect(parseCookies(cookie).get(AUTH.sessionCookie)).toBe(jar.get(AUTH.sessionCookie));
  });

  it('says "wrong e-mail or password" alike for an unknown e-mail and a wrong password', async () => {
    for (const payload of [{ email: 'nobody@acme.example', password: 'x' }, { email: 'owner@acme.example', password: 'not-it' }]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect([res.statusCode, res.json<ApiError>().message]).toEqual([401, 'wrong e-mail or password']);
    }
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'owner@acme.example', password: 'owner-password' } });
  });

  it('locks an account after repeated failures, even against the right password, and audits it', async () => {
    await createUser(db, 'target@acme.example', 'target-password', { [workspaceId]: 'EDITOR' });
    const attempt = (password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'target@acme.example', password } });
    expect((await attempt('guess-1')).statusCode).toBe(401);
    expect((await attempt('guess-2')).statusCode).toBe(401);
    const third = await attempt('guess-3');
    expect([third.statusCode, third.json<ApiError>().code]).toEqual([429, 'RATE_LIMITED']);
    const right = await attempt('target-password');
    expect(right.statusCode).toBe(429);
    expect(right.json<ApiError>().message).toMatch(/locked after 3 failed sign-ins; try again in 1 min/);
    expect(right.json<{ details: { retryAfterSeconds: number } }>().details.retryAfterSeconds).toBeGreaterThan(0);

    const audit = AuditList.parse((await app.inject({ method: 'GET', url: '/api/v1/audit?actor=target@acme.example', headers: owner })).json());
    expect(audit.items.map((e) => e.action)).toEqual(['auth.login_refused', 'auth.lockout', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed']);
  });

  it('signs out: the session stops working and the cookies are cleared', async () => {
    const session = await signIn(app, 'owner@acme.example', 'owner-password');
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session });
    expect(out.statusCode).toBe(204);
    expect(cookiesOf(out.headers['set-cookie']).every((c) => c.includes('Max-Age=0'))).toBe(true);
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: session });
    expect([after.statusCode, after.json<ApiError>().message]).toEqual([401, 'the session has expired or was signed out; sign in again']);
  });

  it('changes a password: the old one stops working and other sessions are signed out', async () => {
    await createUser(db, 'changer@acme.example', 'first-password', { [workspaceId]: 'VIEWER' });
    const other = await signIn(app, 'changer@acme.example', 'first-password');
    const current = await signIn(app, 'changer@acme.example', 'first-password');
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/me/password', headers: current, payload: { currentPassword: 'nope', newPassword: 'second-password' } });
    expect(wrong.statusCode).toBe(400);
    const res = await app.inject({ method: 'POST', url: '/api/v1/me/password', headers: current, payload: { currentPassword: 'first-password', newPassword: 'second-password' } });
    expect(res.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: current })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: other })).statusCode).toBe(401);
    await expect(signIn(app, 'changer@acme.example', 'first-password')).rejects.toThrow(/401/);
    await signIn(app, 'changer@acme.example', 'second-password');
  });
});

describe('API tokens', () => {
  it('work as Bearer, are shown once, record their last use, and stop working when revoked', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: owner, payload: { name: 'ci', role: 'EDITOR', expiresInDays: 30 } });
    expect(created.statusCode).toBe(201);
    const token = CreatedToken.parse(created.json());
    expect(token.token.startsWith(token.prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token.token}` };

    const job = await app.inject({ method: 'POST', url: '/api/v1/jobs', headers: bearer, payload: { name: 'by-token', sql: SQL } });
    expect(job.statusCode).toBe(201);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: owner })).json<{ items: Record<string, unknown>[] }>().items;
    const row = listed.find((t) => t.id === token.id);
    expect(row).toMatchObject({ name: 'ci', role: 'EDITOR', revokedAt: null });
    expect(row?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token.token);

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: owner })).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/jobs', headers: bearer });
    expect([after.statusCode, after.json<ApiError>().message]).toEqual([401, "API token 'ci' was revoked"]);
  });

  it("never grant more than their creator holds today", async () => {
    const editor = await createUser(db, 'editor@acme.example', 'editor-password', { [workspaceId]: 'EDITOR' });
    const session = await signIn(app, 'editor@acme.example', 'editor-password');
    const token = CreatedToken.parse((await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: session, payload: { name: 'deployer', role: 'EDITOR' } })).json());
    const bearer = { authorization: `Bearer ${token.token}` };
    expect((await app.inject({ method: 'POST', url: '/api/v1/jobs', headers: bearer, payload: { name: 'before-demotion', sql: SQL } })).statusCode).toBe(201);

    const demoted = await app.inject({ method: 'PUT', url: `/api/v1/workspaces/${workspaceId}/members/${editor.id}`, headers: owner, payload: { role: 'VIEWER' } });
    expect(demoted.statusCode).toBe(200);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/jobs', headers: bearer, payload: { name: 'after-demotion', sql: SQL } });
    expect([refused.statusCode, refused.json<ApiError>().message]).toEqual([403, "this needs the EDITOR role in workspace 'acme'; you are VIEWER"]);

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/workspaces/${workspaceId}/members/${editor.id}`, headers: owner })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/jobs', headers: bearer })).statusCode).toBe(401);
  });

  it('cannot create workspaces (they are bound to one)', async () => {
    const token = CreatedToken.parse((await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: owner, payload: { name: 'bound', role: 'OWNER' } })).json());
    const res = await app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: { authorization: `Bearer ${token.token}` }, payload: { slug: 'sneaky', name: 'Sneaky' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('workspaces and members', () => {
  it('creates a workspace owned by its creator, picked by the workspace header', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: owner, payload: { slug: 'acme-labs', name: 'Acme Labs' } });
    expect(res.statusCode).toBe(201);
    const taken = await app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: owner, payload: { slug: 'acme-labs', name: 'Again' } });
    expect(taken.statusCode).toBe(409);
    await app.inject({ method: 'POST', url: '/api/v1/jobs', headers: { ...owner, [AUTH.workspaceHeader]: 'acme-labs' }, payload: { name: 'lab-job', sql: SQL } });
    const labs = (await app.inject({ method: 'GET', url: '/api/v1/jobs', headers: { ...owner, [AUTH.workspaceHeader]: 'acme-labs' } })).json<{ items: { name: string }[] }>();
    expect(labs.items.map((j) => j.name)).toEqual(['lab-job']);
    const home = (await app.inject({ method: 'GET', url: '/api/v1/jobs', headers: owner })).json<{ items: { name: string }[] }>();
    expect(home.items.map((j) => j.name)).not.toContain('lab-job');
  });

  it('adds a member with a generated password that signs in, and keeps the last owner', async () => {
    const added = await app.inject({ method: 'POST', url: '/api/v1/workspaces/acme/members', headers: owner, payload: { email: 'new@acme.example', role: 'VIEWER' } });
    expect(added.statusCode).toBe(201);
    const member = added.json<AddMemberResponse>();
    expect(member.initialPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await signIn(app, 'new@acme.example', member.initialPassword ?? '');
    const again = await app.inject({ method: 'POST', url: '/api/v1/workspaces/acme/members', headers: owner, payload: { email: 'new@acme.example', role: 'EDITOR' } });
    expect(again.statusCode).toBe(409);

    const ownerId = (await db.user.findUniqueOrThrow({ where: { email: 'owner@acme.example' } })).id;
    const demote = await app.inject({ method: 'PUT', url: `/api/v1/workspaces/acme/members/${ownerId}`, headers: owner, payload: { role: 'EDITOR' } });
    expect([demote.statusCode, demote.json<ApiError>().message]).toEqual([409, 'the last owner of a workspace cannot be demoted; make someone else owner first']);
    const remove = await app.inject({ method: 'DELETE', url: `/api/v1/workspaces/acme/members/${ownerId}`, headers: owner });
    expect(remove.statusCode).toBe(409);
  });
});

describe('the audit log', () => {
  it('records who did what to which resource, filters by action prefix, and pages', async () => {
    const all = AuditList.parse((await app.inject({ method: 'GET', url: '/api/v1/audit?limit=500', headers: owner })).json());
    const create = all.items.find((e) => e.action === 'job.create' && (e.details as { name?: string }).name === 'by-token');
    expect(create).toMatchObject({ targetType: 'job', actor: { email: 'owner@acme.example' }, ip: '127.0.0.1' });
    expect(create?.actor.tokenId).not.toBeNull();
    expect(all.items.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'token.create', 'token.revoke', 'member.add', 'member.update', 'member.remove']));
    const labs = AuditList.parse((await app.inject({ method: 'GET', url: '/api/v1/audit', headers: { ...owner, [AUTH.workspaceHeader]: 'acme-labs' } })).json());
    expect(labs.items.map((e) => e.action)).toEqual(expect.arrayContaining(['workspace.create', 'job.create']));

    const members = AuditList.parse((await app.inject({ method: 'GET', url: '/api/v1/audit?action=member.', headers: owner })).json());
    expect(new Set(members.items.map((e) => e.action))).toEqual(new Set(['member.add', 'member.update', 'member.remove']));

    const first = AuditList.parse((await app.inject({ method: 'GET', url: '/api/v1/audit?limit=2', headers: owner })).json());
    const second = AuditList.parse((await app.inject({ method: 'GET', url: `/api/v1/audit?limit=2&before=${first.nextBefore}`, headers: owner })).json());
    expect(second.items.map((e) => e.id)).toEqual(all.items.slice(2, 4).map((e) => e.id));
  });

  it('is append-only in the database itself', async () => {
    await expect(db.$executeRawUnsafe('UPDATE "AuditLog" SET action = \'x\'')).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('DELETE FROM "AuditLog"')).rejects.toThrow(/append-only/);
  });
});
