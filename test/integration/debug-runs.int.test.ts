import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, DebugRun, DebugRunComparison, DebugTables, Fixture, Job } from '@weir/contracts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform('debug', { workers: 1 });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

const WINDOWED = (threshold: number) => `CREATE TABLE bids (
  auction BIGINT, price BIGINT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE totals (auction BIGINT, window_start TIMESTAMP(3), total BIGINT) WITH ('connector' = 'filesystem', 'path' = '/must/never/be/written', 'format' = 'csv');
INSERT INTO totals
SELECT auction, window_start, SUM(price)
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
WHERE price > ${threshold}
GROUP BY auction, window_start, window_end;`;

const ROWS = [
  { auction: 1, price: 10, ts: '2026-01-01 10:00:01' },
  { auction: 1, price: 1, ts: '2026-01-01 10:00:02' },
  { auction: 2, price: 7, ts: '2026-01-01 10:00:03' },
  { auction: 1, price: 4, ts: '2026-01-01 10:00:12' },
];

async function finished(id: string): Promise<DebugRun> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = await platform.api<DebugRun>('GET', `/debug-runs/${id}`);
    if (['FINISHED', 'STOPPED', 'FAILED'].includes(run.body.status)) return run.body;
    if (Date.now() > deadline) throw new Error(`debug run ${id} still ${run.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('debug runs on the platform', () => {
  it('runs a windowed job on typed rows on a worker, shows each sink, saves the inputs as a fixture and compares two versions on it', async () => {
    const job = await platform.api<Job>('POST', '/jobs', { name: 'debug-windows', sql: WINDOWED(0) });
    expect(job.status).toBe(201);
    const tables = await platform.api<DebugTables>('POST', `/jobs/${job.body.id}/debug/tables`, {});
    expect(tables.body.sources).toEqual([{ table: 'bids', connector: 'datagen', columns: [{ name: 'auction', type: 'BIGINT' }, { name: 'price', type: 'BIGINT' }, { name: 'ts', type: 'TIMESTAMP(3)' }] }]);
    expect(tables.body.sinks.map((s) => s.table)).toEqual(['totals']);

    const started = await platform.api<{ id: string }>('POST', `/jobs/${job.body.id}/debug`, { inputs: { bids: { rows: ROWS } } });
    expect(started.status).toBe(201);
    const first = await finished(started.body.id);
    expect(first.status).toBe('FINISHED');
    expect(first.version).toBe(1);
    const sink = first.sinks.find((s) => s.table === 'totals');
    expect(sink?.changes.every((c) => c.kind === '+I')).toBe(true);
    expect(sink?.rows).toEqual(
      expect.arrayContaining([
        { auction: 1, window_start: '2026-01-01 10:00:00', total: 11 },
        { auction: 2, window_start: '2026-01-01 10:00:00', total: 7 },
        { auction: 1, window_start: '2026-01-01 10:00:10', total: 4 },
      ]),
    );
    expect(sink?.rowCount).toBe(3);
    expect(first.vertices.find((v) => v.name === 'Source: bids')?.recordsOut).toBe(4);
    expect(first.inputs).toEqual([{ table: 'bids', rows: 4, source: 'rows' }]);

    // The stream of a run that ended says so at once.
    const events = await fetch(`${platform.stack.apiUrl}/api/v1/debug-runs/${first.id}/events`, { headers: platform.auth });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    expect(await events.text()).toContain('event: done');

    const fixture = await platform.api<Fixture>('POST', `/jobs/${job.body.id}/fixtures`, { name: 'four bids', debugRunId: first.id });
    expect(fixture.status).toBe(201);
    expect(fixture.body.tables).toEqual([{ table: 'bids', rows: 4 }]);

    await platform.api('PUT', `/jobs/${job.body.id}`, { sql: WINDOWED(2), message: 'ignore small bids' });
    const second = await platform.api<{ id: string }>('POST', `/jobs/${job.body.id}/debug`, { version: 2, inputs: { bids: { fixtureId: fixture.body.id } } });
    const v2 = await finished(second.body.id);
    expect(v2).toMatchObject({ status: 'FINISHED', version: 2, fixtureId: fixture.body.id, inputs: [{ table: 'bids', rows: 4, source: 'fixture' }] });
    const compared = await platform.api<DebugRunComparison>('GET', `/debug-runs/${first.id}/compare?with=${v2.id}`);
    expect(compared.body.sinks).toEqual([
      { table: 'totals', columns: ['auction', 'window_start', 'total'], onlyInA: [{ auction: 1, window_start: '2026-01-01 10:00:00', total: 11 }], onlyInB: [{ auction: 1, window_start: '2026-01-01 10:00:00', total: 10 }], same: 2 },
    ]);
  }, 120_000);

  it('names the failing source row, and refuses inputs that do not fit the job with the field', async () => {
    const sql = `CREATE TABLE src (id BIGINT, word STRING) WITH ('connector' = 'datagen');
CREATE TABLE out_t (id BIGINT, n INT) WITH ('connector' = 'blackhole');
INSERT INTO out_t SELECT id, CAST(word AS INT) FROM src;`;
    const job = await platform.api<Job>('POST', '/jobs', { name: 'debug-fail', sql });
    const missing = await platform.api<ApiError>('POST', `/jobs/${job.body.id}/debug`, { inputs: { other: { rows: [] } } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('inputs.other');
    const rows = [{ id: 1, word: '1' }, { id: 2, word: 'two' }, { id: 3, word: '3' }];
    const started = await platform.api<{ id: string }>('POST', `/jobs/${job.body.id}/debug`, { inputs: { src: { rows } } });
    const run = await finished(started.body.id);
    expect(run.status).toBe('FAILED');
    expect(run.error?.row).toEqual({ table: 'src', index: 1, row: { id: 2, word: 'two' } });
  }, 60_000);

  it('captures rows from the live source for a bounded time and stops on request', async () => {
    const sql = `CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100000000');
CREATE TABLE out_t (id BIGINT) WITH ('connector' = 'print');
INSERT INTO out_t SELECT id FROM gen;`;
    const job = await platform.api<Job>('POST', '/jobs', { name: 'debug-capture', sql });
    const started = await platform.api<{ id: string }>('POST', `/jobs/${job.body.id}/debug`, { inputs: { gen: { capture: { maxRows: 1_000_000, maxSeconds: 120 } } } });
    const deadline = Date.now() + 30_000;
    let running: DebugRun;
    do {
      running = (await platform.api<DebugRun>('GET', `/debug-runs/${started.body.id}`)).body;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } while (running.status !== 'RUNNING' && Date.now() < deadline);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await platform.api('POST', `/debug-runs/${started.body.id}/stop`);
    const run = await finished(started.body.id);
    expect(run.status).toBe('STOPPED');
    const captured = run.inputs[0]!;
    expect(captured.source).toBe('capture');
    expect(captured.rows).toBeGreaterThan(0);
    expect(run.sinks[0]!.changeCount).toBe(captured.rows);
  }, 60_000);
});
