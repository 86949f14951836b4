import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Job } from '@weir/contracts';
import { committedLines } from '../support/deployment-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform('savepoint-restore', { workers: 1 });
});

afterAll(async () => {
  await platform?.stop();
});

const ROWS = 4000;

/**
 * Ids 1..4000 with event time = id ms: one 1-hour window per key, fired at the end of input, so
 * its counts cover every row only if the window state from before the savepoint carried over.
 */
function windowJob(out: string, key: string): string {
  return `CREATE TABLE src (id BIGINT, k AS ${key}, ts AS TO_TIMESTAMP_LTZ(id, 3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'datagen', 'rows-per-second' = '800', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${ROWS}'
);
CREATE TABLE snk (k BIGINT, n BIGINT, total BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
INSERT INTO snk SELECT k, COUNT(*), SUM(id) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end, k;
`;
}

async function newVersion(jobId: string, sql: string): Promise<void> {
  const updated = await platform.api<Job>('PUT', `/jobs/${jobId}`, { sql });
  expect(updated.status).toBe(200);
}

async function deployVersion(jobId: string, config: unknown): Promise<Deployment> {
  const deployed = await platform.api<Deployment>('POST', `/jobs/${jobId}/deploy`, { config });
  expect(deployed.status).toBe(201);
  return deployed.body;
}

describe('savepoints across job versions', () => {
  it('carries window state into a version with another sink, and refuses a changed grouping key unless allowNonRestoredState', async () => {
    const first = await platform.deploy('sp-carry', windowJob(join(platform.dir, 'v1'), 'id % 5'), {});
    await platform.waitFor(first.id, ['RUNNING'], 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    const stopped = await platform.api<Deployment>('POST', `/deployments/${first.id}/stop`, { savepoint: true });
    expect(stopped.status).toBe(200);
    await platform.waitFor(first.id, ['STOPPED'], 30_000);
    // The window had not fired: v1's sink holds nothing.
    expect(await committedLines(join(platform.dir, 'v1'))).toEqual([]);

    // v2 writes to another path; its window must count the rows v1 saw too.
    const v2Out = join(platform.dir, 'v2');
    await newVersion(first.jobId, windowJob(v2Out, 'id % 5'));
    const second = await deployVersion(first.jobId, { restore: { kind: 'LATEST_SAVEPOINT' } });
    const running = await platform.waitFor(second.id, ['RUNNING'], 30_000);
    expect(running.currentRun?.restoredCheckpointId).toEqual(expect.any(Number));
    await platform.waitFor(second.id, ['FINISHED'], 60_000);
    const expected = [0, 1, 2, 3, 4].map((k) => {
      const ids = Array.from({ length: ROWS }, (_, i) => i + 1).filter((id) => id % 5 === k);
      return `${k},${ids.length},${ids.reduce((a, b) => a + b, 0)}`;
    });
    expect(await committedLines(v2Out)).toEqual(expected.sort());

    // v3 groups by another key: the savepoint's window state no longer matches.
    await newVersion(first.jobId, windowJob(join(platform.dir, 'v3'), 'id % 3'));
    const refused = await deployVersion(first.jobId, { restore: { kind: 'LATEST_SAVEPOINT' } });
    const failed = await platform.waitFor(refused.id, ['FAILED'], 30_000);
    expect(failed.failureMessage).toMatch(/Window|Aggregate/);
    expect(failed.failureMessage).toMatch(/allowNonRestoredState/);
    expect(failed.attempt).toBe(1);

    const allowed = await deployVersion(first.jobId, { restore: { kind: 'LATEST_SAVEPOINT' }, allowNonRestoredState: true });
    await platform.waitFor(allowed.id, ['RUNNING', 'FINISHED'], 30_000);
  }, 150_000);
});
