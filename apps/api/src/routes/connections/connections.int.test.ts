import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiError, CatalogFunction, CatalogTableSaved, Connection, ConnectionTestResult, Lineage, PreviewResponse, RotateSecretsResponse, ValidateResponse } from '@weir/contracts';
import { secretKeyring } from '@weir/contracts/secret-box';
import { createPrismaClient, createTestDatabase, DEFAULT_DATABASE_URL, type PrismaClient, type TestDatabase } from '@weir/db';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionService } from '../../services/connection-service';
import { buildTestApp, createUser, signIn, type TestApp } from '../../test-support/test-app';

const MYSQL_USER = `weir_api_${Math.random().toString(16).slice(2, 8)}`;
const MYSQL_PASSWORD = 'the-right-mysql-password';
const MYSQL_DATABASE = `${MYSQL_USER}_db`;
let database: TestDatabase;
let db: PrismaClient;
let testApp: TestApp;
let workspaceId: string;
let owner: { authorization: string };

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'weir_test_connections');
  db = createPrismaClient(database.url);
  testApp = await buildTestApp(db, {}, { redisPrefix: 'weir-test-connections' });
  workspaceId = (await db.workspace.create({ data: { slug: 'conn', name: 'Connections' } })).id;
  await createUser(db, 'owner@conn.example', 'owner-password', { [workspaceId]: 'OWNER' });
  owner = await signIn(testApp.app, 'owner@conn.example', 'owner-password');
  const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
  await admin.query(`CREATE DATABASE ${MYSQL_DATABASE}`);
  await admin.query(`CREATE USER '${MYSQL_USER}'@'%' IDENTIFIED BY '${MYSQL_PASSWORD}'`);
  await admin.query(`GRANT SELECT ON ${MYSQL_DATABASE}.* TO '${MYSQL_USER}'@'%'`);
  await admin.end();
});

afterAll(async () => {
  const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
  await admin.query(`DROP USER IF EXISTS '${MYSQL_USER}'@'%'`);
  await admin.query(`DROP DATABASE IF EXISTS ${MYSQL_DATABASE}`);
  await admin.end();
  await testApp?.close();
  await db?.$disconnect();
  await database?.drop();
});

const inject = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  testApp.app.inject({ method, url: `/api/v1${url}`, headers: owner, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

const mysqlOptions = (password: string) => ({ hostname: '127.0.0.1', port: '3306', 'database-name': MYSQL_DATABASE, username: MYSQL_USER, password });

describe('/connections', () => {
  it('refuses bad options naming the field', async () => {
    const unknown = await inject('POST', '/connections', { name: 'bad', type: 'postgres', options: { hostname: 'h', 'database-name': 'd', username: 'u', hots: 'x' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ApiError>().details).toMatchObject({ issues: [{ path: 'options.hots' }] });
    const missing = await inject('POST', '/connections', { name: 'bad', type: 'postgres', options: { hostname: 'h', username: 'u' } });
    expect(missing.json<ApiError>().details).toMatchObject({ issues: [{ path: 'options.database-name', message: "'database-name' is required (database to connect to)" }] });
    const inUrl = await inject('POST', '/connections', { name: 'bad', type: 'redis', options: { url: 'redis://:hunter2@127.0.0.1:6379' } });
    expect(inUrl.json<ApiError>().details).toMatchObject({ issues: [{ path: 'options.url', message: "'url' must not carry a password; put it in 'password', which is stored encrypted" }] });
    expect(JSON.stringify(inUrl.json())).not.toContain('hunter2');
  });

  it('keeps a password encrypted, answers only that it is set, and tests with it', async () => {
    const created = await inject('POST', '/connections', { name: 'shop-db', type: 'mysql', options: mysqlOptions('wrong-password-here') });
    expect(created.statusCode).toBe(201);
    const connection = created.json<Connection>();
    expect(connection).toMatchObject({ name: 'shop-db', type: 'mysql', secrets: ['password'], lastTest: null });
    expect(connection.options).not.toHaveProperty('password');
    const row = await db.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(JSON.stringify(row)).not.toContain('wrong-password-here');

    const failed = (await inject('POST', `/connections/${connection.id}/test`)).json<ConnectionTestResult>();
    expect(failed).toMatchObject({ ok: false, failure: 'AUTHENTICATION' });
    expect(failed.message).toMatch(new RegExp(`^authentication failed for user '${MYSQL_USER}' at MySQL at 127\\.0\\.0\\.1:3306/${MYSQL_DATABASE}`));
    expect(JSON.stringify(failed)).not.toContain('wrong-password-here');
    expect((await inject('GET', `/connections/${connection.id}`)).json<Connection>().lastTest).toMatchObject({ ok: false, failure: 'AUTHENTICATION' });

    const fixed = await inject('PUT', `/connections/${connection.id}`, { name: 'shop-db', options: mysqlOptions(MYSQL_PASSWORD) });
    expect(fixed.json<Connection>().lastTest).toBeNull();
    expect((await inject('POST', `/connections/${connection.id}/test`)).json<ConnectionTestResult>()).toMatchObject({ ok: true });
    // A form that does not send the password back keeps it.
    const { password: _omitted, ...withoutPassword } = mysqlOptions('');
    await inject('PUT', `/connections/${connection.id}`, { name: 'shop-db', options: withoutPassword, description: 'orders' });
    expect((await inject('POST', `/connections/${connection.id}/test`)).json<ConnectionTestResult>()).toMatchObject({ ok: true });
    const cleared = await inject('PUT', `/connections/${connection.id}`, { name: 'shop-db', options: withoutPassword, clearSecrets: ['password'] });
    expect(cleared.json<Connection>().secrets).toEqual([]);
    expect((await inject('POST', `/connections/${connection.id}/test`)).json<ConnectionTestResult>()).toMatchObject({ ok: false, failure: 'AUTHENTICATION' });

    const duplicate = await inject('POST', '/connections', { name: 'shop-db', type: 'mysql', options: mysqlOptions('x') });
    expect([duplicate.statusCode, duplicate.json<ApiError>().details]).toEqual([409, { issues: [{ path: 'name', message: 'already exists' }] }]);
  });

  it('re-encrypts connection secrets under the current key on rotation', async () => {
    const old = new ConnectionService(db, secretKeyring('test-secret-key-version-1', 1));
    const connection = await old.create(workspaceId, { name: 'legacy', type: 'mysql', options: mysqlOptions(MYSQL_PASSWORD), description: '' });
    const rotated = (await inject('POST', '/secrets/rotate')).json<RotateSecretsResponse>();
    expect(rotated).toEqual({ keyVersion: 2, reencrypted: 1 });
    const row = await db.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect((row.secretOptions as Record<string, { keyVersion: number }>).password?.keyVersion).toBe(2);
    expect((await inject('POST', `/connections/${connection.id}/test`)).json<ConnectionTestResult>()).toMatchObject({ ok: true });
  });

  it('says which object is missing when sampling', async () => {
    const connection = (await inject('POST', '/connections', { name: 'maria', type: 'mysql', options: mysqlOptions(MYSQL_PASSWORD) })).json<Connection>();
    const res = await inject('POST', `/connections/${connection.id}/sample`, { object: 'no_such_table', maxRows: 5, maxSeconds: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>()).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'object' }], failure: 'NOT_FOUND' } });
  });
});

describe('/catalog/tables', () => {
  it('registers a table, resolves it by name in validation, lets an inline table shadow it, and refuses to orphan its connection', async () => {
    const connection = (await inject('POST', '/connections', { name: 'files', type: 'filesystem', options: { path: '/tmp' } })).json<Connection>();
    const bad = await inject('POST', '/catalog/tables', { ddl: "CREATE TABLE clicks (\n  id INTT\n) WITH ('connector' = 'filesystem', 'format' = 'json')", connectionId: connection.id, roles: ['source'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>()).toMatchObject({ code: 'SQL_INVALID', details: { diagnostics: [{ line: 2, column: 6 }] } });
    const wrongConnector = await inject('POST', '/catalog/tables', { ddl: "CREATE TABLE clicks (id INT) WITH ('connector' = 'datagen')", connectionId: connection.id, roles: ['source'] });
    expect(wrongConnector.json<ApiError>().details).toMatchObject({ issues: [{ path: 'connectionId', message: 'takes filesystem tables' }] });

    const created = await inject('POST', '/catalog/tables', { ddl: "CREATE TABLE clicks (id INT, url STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp/clicks', 'format' = 'json')", connectionId: connection.id, roles: ['source', 'sink'], description: 'raw clicks' });
    expect(created.statusCode).toBe(201);
    expect(created.json<CatalogTableSaved>().table).toMatchObject({ name: 'clicks', connector: 'filesystem', connectionName: 'files', roles: ['source', 'sink'], columns: [{ name: 'id', type: 'INT' }, { name: 'url', type: 'STRING' }] });

    const validate = (sql: string) => inject('POST', '/validate', { sql }).then((r) => r.json<ValidateResponse>());
    expect(await validate("CREATE TABLE out_t (id INT) WITH ('connector' = 'blackhole');\nINSERT INTO out_t SELECT id FROM clicks;")).toEqual({ ok: true, diagnostics: [] });
    expect((await validate("CREATE TABLE out_t (id INT) WITH ('connector' = 'blackhole');\nINSERT INTO out_t SELECT id FROM click;")).diagnostics).toMatchObject([{ code: 'TABLE_NOT_FOUND', line: 2, message: "table 'click' not found; did you mean 'clicks'?" }]);
    const shadowed = "CREATE TABLE clicks (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');\nCREATE TABLE out_t (id INT) WITH ('connector' = 'blackhole');\nINSERT INTO out_t SELECT id FROM clicks;";
    expect((await validate(shadowed)).diagnostics).toMatchObject([{ code: 'COLUMN_NOT_FOUND', line: 3 }]);

    const orphan = await inject('DELETE', `/connections/${connection.id}`);
    expect([orphan.statusCode, orphan.json<ApiError>().message]).toEqual([409, "connection 'files' is used by catalog table 'clicks'; delete or move them first"]);
    const table = created.json<CatalogTableSaved>().table;
    expect((await inject('DELETE', `/catalog/tables/${table.id}`)).statusCode).toBe(204);
    expect((await inject('DELETE', `/connections/${connection.id}`)).statusCode).toBe(204);
  });
});

describe('/lineage', () => {
  it('chains two jobs through a catalog table and names a job whose SQL no longer reads', async () => {
    const path = `/tmp/weir-lineage-${Math.random().toString(16).slice(2, 8)}`;
    const mid = (await inject('POST', '/catalog/tables', { ddl: `CREATE TABLE mid (id INT, url STRING) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'json')`, roles: ['source', 'sink'] })).json<CatalogTableSaved>().table;
    const job = (name: string, sql: string) => db.job.create({ data: { workspaceId, name, latestVersion: 1, versions: { create: { version: 1, sql } } } });
    const writer = await job('clicks-to-mid', "CREATE TABLE gen (id INT) WITH ('connector' = 'datagen');\nINSERT INTO mid SELECT id, 'x' FROM gen;");
    const reader = await job('mid-to-out', "CREATE TABLE out_t (id INT) WITH ('connector' = 'blackhole');\nINSERT INTO out_t SELECT id FROM mid;");
    const broken = await job('broken', 'INSERT INTO nowhere SELECT 1;');

    const lineage = (await inject('GET', '/lineage')).json<Lineage>();
    const table = lineage.tables.find((t) => t.name === 'mid');
    expect(table).toEqual({ id: `filesystem|path ${path}`, name: 'mid', connector: 'filesystem', object: `path ${path}`, catalogTableId: mid.id });
    expect(lineage.edges.filter((e) => e.table === table?.id)).toEqual([
      { table: table?.id, job: writer.id, kind: 'write', columns: ['id', 'url'] },
      { table: table?.id, job: reader.id, kind: 'read', columns: ['id'] },
    ]);
    expect(lineage.jobs.find((j) => j.id === broken.id)?.problem).toMatch(/table 'nowhere' not found/);
    expect(lineage.jobs.find((j) => j.id === reader.id)).toEqual({ id: reader.id, name: 'mid-to-out', version: 1, status: null });
  });
});

describe('/catalog/functions', () => {
  it('registers a function jobs call by name or bind by class name, refusing source that does not parse', async () => {
    const created = await inject('POST', '/catalog/functions', { name: 'shout', className: 'com.example.Shout', source: '(s) => s === null ? null : s.toUpperCase()', resultType: 'STRING', argumentTypes: ['STRING'] });
    expect(created.statusCode).toBe(201);
    expect(created.json<CatalogFunction>()).toMatchObject({ name: 'shout', className: 'com.example.Shout', language: 'javascript' });
    const validate = (sql: string) => inject('POST', '/validate', { sql }).then((r) => r.json<ValidateResponse>());
    const sink = "CREATE TABLE out_t (v STRING) WITH ('connector' = 'blackhole');\n";
    expect(await validate(`${sink}INSERT INTO out_t SELECT shout(v) FROM (VALUES ('a')) AS t(v);`)).toEqual({ ok: true, diagnostics: [] });
    expect(await validate(`CREATE FUNCTION loud AS 'com.example.Shout';\n${sink}INSERT INTO out_t SELECT loud(v) FROM (VALUES ('a')) AS t(v);`)).toEqual({ ok: true, diagnostics: [] });
    expect((await validate(`${sink}INSERT INTO out_t SELECT shout(1, 2) FROM (VALUES ('a')) AS t(v);`)).ok).toBe(false);

    const broken = await inject('POST', '/catalog/functions', { name: 'bad', source: '(s) => {', resultType: 'STRING' });
    expect([broken.statusCode, broken.json<ApiError>().details]).toMatchObject([400, { issues: [{ path: 'source' }] }]);
    const again = await inject('POST', '/catalog/functions', { name: 'other', className: 'com.example.Shout', source: '(s) => s', resultType: 'STRING' });
    expect([again.statusCode, again.json<ApiError>().details]).toEqual([409, { issues: [{ path: 'className', message: 'already registered' }] }]);
    expect((await inject('GET', '/catalog/functions')).json<{ items: CatalogFunction[] }>().items.map((f) => f.name)).toEqual(['shout']);
    expect((await inject('DELETE', `/catalog/functions/${created.json<CatalogFunction>().id}`)).statusCode).toBe(204);
  });
});

describe('SQL databases as JDBC catalogs', () => {
  it("resolve a connection's tables as catalog.schema.table, and after USE CATALOG", async () => {
    const name = `weir_jdbc_cat_${Math.random().toString(16).slice(2, 8)}`;
    const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const shop = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: name });
    await shop.connect();
    try {
      await shop.query('CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(10, 2)); CREATE TABLE totals (id bigint PRIMARY KEY, amount numeric(10, 2))');
      await inject('POST', '/connections', { name: 'shop_pg', type: 'postgres', options: { hostname: '127.0.0.1', 'database-name': name, username: 'postgres' } });
      const validate = (sql: string) => inject('POST', '/validate', { sql }).then((r) => r.json<ValidateResponse>());
      expect(await validate('INSERT INTO shop_pg.public.totals SELECT id, amount FROM shop_pg.public.orders;')).toEqual({ ok: true, diagnostics: [] });
      expect(await validate('USE CATALOG shop_pg;\nUSE public;\nINSERT INTO totals SELECT id + 1, amount FROM orders;')).toEqual({ ok: true, diagnostics: [] });
      expect((await validate('INSERT INTO shop_pg.public.totals SELECT id, amount FROM shop_pg.public.order_lines;')).diagnostics).toMatchObject([{ code: 'TABLE_NOT_FOUND', message: "table 'order_lines' not found" }]);
    } finally {
      await shop.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('previewing a DDL on a fresh sample', () => {
  it('reads the messages with the edited columns and says which it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weir-preview-'));
    try {
      await writeFile(join(dir, 'events.json'), '{"id": 1, "at": "2026-12-07 10:00:00"}\n{"id": "seven", "at": null}\n');
      const connection = (await inject('POST', '/connections', { name: 'preview-files', type: 'filesystem', options: { path: dir } })).json<Connection>();
      const ddl = "CREATE TABLE events (id INT, at TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = 'events.json', 'format' = 'json')";
      const res = await inject('POST', `/connections/${connection.id}/preview`, { object: 'events.json', maxRows: 10, maxSeconds: 2, ddl });
      expect(res.statusCode).toBe(200);
      const preview = res.json<PreviewResponse>();
      expect(preview.rows[0]).toEqual({ values: { id: '1', at: '2026-12-07 10:00:00' } });
      expect(preview.rows[1]).toMatchObject({ values: null, error: expect.stringContaining('seven') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
