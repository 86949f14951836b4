import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Job, MetricSampleList, ValidateResponse } from '@weir/contracts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

const datagenToBlackhole = `CREATE TABLE src (
  id BIGINT,
  price DOUBLE
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '500',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100000000',
  'fields.price.min' = '1', 'fields.price.max' = '100'
);
CREATE TABLE snk (id BIGINT, price DOUBLE) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT id, price FROM src WHERE price > 10;
`;

let platform: TestPlatform;
const api = <T>(method: string, path: string, body?: unknown) => platform.api<T>(method, path, body);
const waitForStatus = (id: string, wanted: Deployment['status'][], timeoutMs: number) => platform.waitFor(id, wanted, timeoutMs);

beforeAll(async () => {
  platform = await startTestPlatform('platform');
});

afterAll(async () => {
  await platform?.stop();
});

describe('platform API', () => {
  it('serves health and an OpenAPI document naming the core routes', async () => {
    expect((await api<{ status: string }>('GET', '/health')).body.status).toBe('ok');
    const doc = (await api<{ paths: Record<string, unknown> }>('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/jobs', '/api/v1/jobs/{id}/deploy', '/api/v1/deployments/{id}/stop', '/api/v1/deployments/{id}/metrics/stream',
        '/api/v1/deployments/{id}/savepoints', '/api/v1/deployments/{id}/checkpoints', '/api/v1/deployments/{id}/failovers',
        '/api/v1/deployments/{id}/suspend', '/api/v1/deployments/{id}/resume',
      ]),
    );
  });

  it('rejects an invalid body with 400 and the field path', async () => {
    const res = await api<{ code: string; details: { issues: { path: string }[] } }>('POST', '/jobs', { name: '', sql: 42 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['body.name', 'body.sql']));
  });

  it('validates SQL with line and column', async () => {
    const res = await api<ValidateResponse>('POST', '/validate', { sql: datagenToBlackhole.replace('WHERE price', 'WHERE prise') });
    expect(res.body.ok).toBe(false);
    expect(res.body.diagnostics[0]).toMatchObject({ severity: 'error', line: 11 });
    expect(res.body.diagnostics[0]!.message).toContain('prise');
  });

  it('keeps every save as a new immutable version', async () => {
    const created = await api<Job>('POST', '/jobs', { name: 'versions-job', sql: datagenToBlackhole });
    expect(created.status).toBe(201);
    expect(created.body.latestVersion.version).toBe(1);
    const saved = await api<Job>('PUT', `/jobs/${created.body.id}`, { sql: `${datagenToBlackhole}\n-- v2` });
    expect(saved.body.latestVersion.version).toBe(2);
    const again = await api<{ code: string }>('POST', '/jobs', { name: 'versions-job', sql: datagenToBlackhole });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('deploys a job, streams its throughput, and stops it', async () => {
    const job = (await api<Job>('POST', '/jobs', { name: 'live-job', sql: datagenToBlackhole })).body;
    const deployed = await api<Deployment>('POST', `/jobs/${job.id}/deploy`, {});
    expect(deployed.status).toBe(201);
    expect(deployed.body.config).toMatchObject({ parallelism: 1 });
    await waitForStatus(deployed.body.id, ['RUNNING'], 20_000);

    const stream = await fetch(`${platform.stack.apiUrl}/api/v1/deployments/${deployed.body.id}/metrics/stream`, { headers: platform.auth });
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes('\ndata: ')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const sample = JSON.parse(text.split('\ndata: ')[1]!.split('\n')[0]!) as MetricSampleList['items'][number];
    expect(sample.deploymentId).toBe(deployed.body.id);

    let rate = 0;
    for (let i = 0; i < 40 && rate <= 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const samples = (await api<MetricSampleList>('GET', `/deployments/${deployed.body.id}/metrics`)).body.items;
      rate = Math.max(0, ...samples.flatMap((s) => s.vertices.map((v) => v.recordsOutPerSecond)));
    }
    expect(rate).toBeGreaterThan(0);

    const conflict = await api<{ code: string }>('POST', `/jobs/${job.id}/deploy`, {});
    expect(conflict.status).toBe(409);

    await api('POST', `/deployments/${deployed.body.id}/stop`);
    const stopped = await waitForStatus(deployed.body.id, ['STOPPED'], 20_000);
    expect(stopped.currentRun?.endCause).toBe('STOPPED');
  });

  it('refuses to deploy invalid SQL, naming line and column', async () => {
    const job = (await api<Job>('POST', '/jobs', { name: 'bad-job', sql: 'INSERT INTO nowhere SELECT 1' })).body;
    const res = await api<{ code: string; details: { diagnostics: { line: number; column: number }[] } }>('POST', `/jobs/${job.id}/deploy`, {});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SQL_INVALID');
    expect(res.body.details.diagnostics[0]).toMatchObject({ line: 1 });
  });
});
