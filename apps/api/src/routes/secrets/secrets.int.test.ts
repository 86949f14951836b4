import { AuditList, RotateSecretsResponse, SecretList, SecretSummary } from '@weir/contracts';
import { decryptSecret, encryptSecret, secretKeyring } from '@weir/contracts/secret-box';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, signIn, TEST_KEYRING, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let workspaceId: string;
let owner: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_secrets');
  db = createPrismaClient(database.url);
  testApp = await buildTestApp(db, {}, { redisPrefix: 'weir-test-secrets' });
  workspaceId = (await db.workspace.create({ data: { slug: 'vault', name: 'Vault' } })).id;
  await createUser(db, 'owner@vault.example', 'owner-password', { [workspaceId]: 'OWNER' });
  owner = await signIn(testApp.app, 'owner@vault.example', 'owner-password');
});

afterAll(async () => {
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

const inject = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: Record<string, string>) =>
  testApp.app.inject({ method, url: `/api/v1${url}`, headers: owner, ...(payload === undefined ? {} : { payload }) });

describe('/secrets', () => {
  it('stores a value encrypted, never answers it, and audits the change without it', async () => {
    const first = await inject('PUT', '/secrets/PG_PASSWORD', { value: 'correct-horse' });
    expect(first.statusCode).toBe(200);
    expect(SecretSummary.parse(first.json())).toMatchObject({ name: 'PG_PASSWORD', keyVersion: 2, updatedBy: 'owner@vault.example' });
    await inject('PUT', '/secrets/PG_PASSWORD', { value: 'battery-staple' });

    const row = await db.secret.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'PG_PASSWORD' } } });
    expect(JSON.stringify(row)).not.toContain('battery-staple');
    expect(decryptSecret(TEST_KEYRING, { ...row, context: `${workspaceId}/PG_PASSWORD` })).toBe('battery-staple');

    const listed = await inject('GET', '/secrets');
    expect(SecretList.parse(listed.json()).items.map((s) => s.name)).toEqual(['PG_PASSWORD']);
    expect(listed.body).not.toContain('battery');
    const audit = AuditList.parse((await inject('GET', '/audit?action=secret.')).json());
    expect(audit.items.map((e) => e.action)).toEqual(['secret.update', 'secret.create']);
    expect(JSON.stringify(audit)).not.toMatch(/correct-horse|battery-staple/);
  });

  it('refuses a name that `${secret.NAME}` could not reference, by field', async () => {
    const res = await inject('PUT', '/secrets/not-valid', { value: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ details: { issues: { path: string }[] } }>().details.issues[0]?.path).toBe('params.name');
  });

  it('re-encrypts old key versions under the current one on rotate', async () => {
    const v1 = secretKeyring('test-secret-key-version-1', 1);
    const sealed = encryptSecret(v1, 'OLD', `${workspaceId}/OLD`, 'from-the-old-key');
    await db.secret.create({ data: { workspaceId, name: 'OLD', keyVersion: 1, iv: sealed.iv, tag: sealed.tag, ciphertext: sealed.ciphertext } });

    const rotated = RotateSecretsResponse.parse((await inject('POST', '/secrets/rotate')).json());
    expect(rotated).toEqual({ keyVersion: 2, reencrypted: 1 });
    const row = await db.secret.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'OLD' } } });
    expect(row.keyVersion).toBe(2);
    expect(decryptSecret(secretKeyring('test-secret-key-version-2', 2), { ...row, context: `${workspaceId}/OLD` })).toBe('from-the-old-key');
    expect(RotateSecretsResponse.parse((await inject('POST', '/secrets/rotate')).json()).reencrypted).toBe(0);
  });

  it('deletes a secret, and says so when there is none', async () => {
    expect((await inject('DELETE', '/secrets/OLD')).statusCode).toBe(204);
    expect((await inject('DELETE', '/secrets/OLD')).statusCode).toBe(404);
  });
});
