import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from 'nats';
import pg from 'pg';
import type { CatalogTableSaved, Connection, ConnectionObjects, ConnectionTestResult, Deployment, Job, SampleResponse, ValidateResponse } from '@weir/contracts';
import { createPrismaClient } from '@weir/db';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { until } from '../support/weir-cli';

/*
 * The catalogs issue's promise, through the API as the console's wizard drives it: from two
 * connections to a running job without writing a CREATE TABLE. NATS JSON is sampled into a
 * source table, a PostgreSQL table is read from its own catalog into a sink table, and
 * `INSERT INTO pg_sink SELECT … FROM nats_orders` validates, deploys and writes rows, the item
 * through a workspace function called by name. The PostgreSQL password never shows in an
 * answer, a log line, a job version or a deployment.
 */

const PASSWORD = `pg-pass-${randomUUID()}`;
let platform: TestPlatform;
let nc: NatsConnection;
let admin: pg.Client;
let db: pg.Client;
const database = `weir_onboard_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const stream = `ONBOARD_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
const subject = `${stream.toLowerCase()}.orders`;

beforeAll(async () => {
  nc = await connect({ servers: 'nats://127.0.0.1:4222' });
  await (await nc.jetstreamManager()).streams.add({ name: stream, subjects: [`${stream.toLowerCase()}.>`] });
  for (let id = 1; id <= 3; id++) await nc.jetstream().publish(subject, JSON.stringify({ id, item: `item-${id}`, qty: id * 10, placed: `2026-12-07 10:00:0${id}.000` }));
  admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database });
  await db.connect();
  await db.query('CREATE TABLE orders_sink (id integer PRIMARY KEY, item text, qty integer)');
  platform = await startTestPlatform('onboarding');
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await (await nc?.jetstreamManager())?.streams.delete(stream).catch(() => undefined);
  await nc?.close();
  await db?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin?.end();
});

async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await platform.api<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('onboarding from connections to a running job', () => {
  it('samples, registers, validates, deploys and writes rows, with the password nowhere', async () => {
    const answers: unknown[] = [];
    const keep = <T>(value: T): T => (answers.push(value), value);

    const natsConnection = keep(await ok<Connection>('POST', '/connections', { name: 'events-bus', type: 'nats', options: { servers: 'nats://127.0.0.1:4222' } }));
    expect(keep(await ok<ConnectionTestResult>('POST', `/connections/${natsConnection.id}/test`))).toMatchObject({ ok: true, server: expect.stringContaining('JetStream') });
    const natsObjects = keep(await ok<ConnectionObjects>('GET', `/connections/${natsConnection.id}/objects`));
    expect(natsObjects.items.map((o) => o.name)).toContain(`stream:${stream}`);
    const natsSample = keep(await ok<SampleResponse>('POST', `/connections/${natsConnection.id}/sample`, { object: subject, maxRows: 10, maxSeconds: 3 }));
    expect(natsSample.rows).toHaveLength(3);
    expect(natsSample.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['id INT', 'item STRING', 'qty INT', 'placed TIMESTAMP(3)']);
    const source = keep(await ok<CatalogTableSaved>('POST', '/catalog/tables', { ddl: natsSample.ddl.replace('CREATE TABLE orders', 'CREATE TABLE nats_orders'), connectionId: natsConnection.id, roles: ['source'] }));
    expect(source.table).toMatchObject({ name: 'nats_orders', connector: 'nats', connectionName: 'events-bus', roles: ['source'] });

    const pgConnection = keep(await ok<Connection>('POST', '/connections', { name: 'warehouse', type: 'postgres', options: { hostname: '127.0.0.1', 'database-name': database, username: 'postgres', password: PASSWORD } }));
    expect(pgConnection.secrets).toEqual(['password']);
    expect(pgConnection.options).toEqual({ hostname: '127.0.0.1', 'database-name': database, username: 'postgres' });
    expect(keep(await ok<ConnectionTestResult>('POST', `/connections/${pgConnection.id}/test`))).toMatchObject({ ok: true, server: expect.stringMatching(/^PostgreSQL/) });
    const pgSample = keep(await ok<SampleResponse>('POST', `/connections/${pgConnection.id}/sample`, { object: 'public.orders_sink', maxRows: 5, maxSeconds: 3 }));
    expect(pgSample.primaryKey).toEqual(['id']);
    const sink = keep(await ok<CatalogTableSaved>('POST', '/catalog/tables', { ddl: pgSample.ddl.replace('CREATE TABLE orders_sink', 'CREATE TABLE pg_sink'), connectionId: pgConnection.id, roles: ['sink', 'dimension'] }));
    expect(sink.table.columns).toEqual([{ name: 'id', type: 'INT NOT NULL' }, { name: 'item', type: 'STRING' }, { name: 'qty', type: 'INT' }]);

    keep(await ok('POST', '/catalog/functions', { name: 'shout', className: 'com.example.Shout', source: '(s) => s === null ? null : s.toUpperCase()', resultType: 'STRING' }));
    const sql = 'INSERT INTO pg_sink SELECT id, shout(item), qty FROM nats_orders;';
    expect(keep(await ok<ValidateResponse>('POST', '/validate', { sql }))).toEqual({ ok: true, diagnostics: [] });
    const job = keep(await ok<Job>('POST', '/jobs', { name: 'onboarded', sql }));
    const deployment = keep(await ok<Deployment>('POST', `/jobs/${job.id}/deploy`, { config: {} }));
    await platform.waitFor(deployment.id, ['RUNNING'], 60_000);
    await until(async () => (await db.query('SELECT count(*)::int AS n FROM orders_sink')).rows[0].n === 3, 30_000, 'three rows in orders_sink');
    expect((await db.query('SELECT id, item, qty FROM orders_sink ORDER BY id')).rows).toEqual([
      { id: 1, item: 'ITEM-1', qty: 10 },
      { id: 2, item: 'ITEM-2', qty: 20 },
      { id: 3, item: 'ITEM-3', qty: 30 },
    ]);

    // A catalog edit after the deploy does not reach the running job: it is flagged instead.
    const edited = await ok<CatalogTableSaved>('PUT', `/catalog/tables/${source.table.id}`, { ddl: natsSample.ddl.replace('CREATE TABLE orders', 'CREATE TABLE nats_orders').replace('`qty` INT,', ''), connectionId: natsConnection.id, roles: ['source'] });
    expect(edited.usedBy.map((u) => u.jobName)).toEqual(['onboarded']);
    expect(edited.breaks).toMatchObject([{ jobName: 'onboarded', diagnostics: [{ code: 'COLUMN_NOT_FOUND' }] }]);

    const prisma = createPrismaClient(platform.databaseUrl);
    try {
      const stored = await prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id }, include: { jobVersion: true } });
      expect(JSON.stringify(stored.catalogTables)).toContain(`\${secret.connection.${pgConnection.id}.password}`);
      for (const where of [JSON.stringify(stored), JSON.stringify(await prisma.connection.findMany())]) expect(where).not.toContain(PASSWORD);
    } finally {
      await prisma.$disconnect();
    }
    answers.push(await ok('GET', '/connections'), await ok('GET', `/connections/${pgConnection.id}`), await ok('GET', '/catalog/tables'), await ok('GET', `/jobs/${job.id}`), await ok('GET', `/deployments/${deployment.id}`));
    expect(JSON.stringify(answers)).not.toContain(PASSWORD);
    expect(platform.output.join('\n')).not.toContain(PASSWORD);
    await ok('POST', `/deployments/${deployment.id}/stop`, {});
    await platform.waitFor(deployment.id, ['STOPPED'], 30_000);
  }, 180_000);
});
