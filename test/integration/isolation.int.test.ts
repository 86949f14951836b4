import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@weir/contracts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;

beforeAll(async () => {
  // One worker, so the failing runs and the healthy one share its process.
  // 5 s of silence: a 64 MB heap thrashing in GC just before its out-of-memory must not pass for an endless loop on a loaded machine.
  platform = await startTestPlatform('isolation', { workers: 1, env: { WEIR_RUN_UNRESPONSIVE_MS: '5000' } });
});

afterAll(async () => {
  await platform?.stop();
});


const healthy = `
CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000');
CREATE TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT id FROM src;`;

/** Every key new: state grows until the run passes its heap limit. */
const hog = `
CREATE TABLE src (id BIGINT, s STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '100000000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000000', 'fields.s.length' = '200');
CREATE TABLE snk (id BIGINT, n BIGINT, s STRING) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT id, COUNT(*), MAX(s) FROM src GROUP BY id;`;

/** Catastrophic regex backtracking: the run's thread stops answering for hours. */
const endless = `
CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10');
CREATE TABLE snk (m BOOLEAN) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT REGEXP(CONCAT('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', CAST(id AS STRING)), '^(a+)+$') FROM src;`;

describe('run isolation on a shared worker', () => {
  it('fails an out-of-memory run and an endless loop alone, while the worker and its other run go on', async () => {
    const steady = await platform.deploy('steady', healthy, {});
    const running = await platform.waitFor(steady.id, ['RUNNING'], 30_000);
    const worker = platform.workerOf(running);
    const pid = worker.pid();

    const oom = await platform.deploy('oom', hog, { memoryLimitMb: 64, restartStrategy: { kind: 'none' } });
    const loop = await platform.deploy('loop', endless, { restartStrategy: { kind: 'none' } });
    const oomFailed = await platform.waitFor(oom.id, ['FAILED'], 60_000);
    expect(oomFailed).toMatchObject({ failureCause: 'OUT_OF_MEMORY', failureMessage: expect.stringContaining('memory limit of 64 MB') });
    const loopFailed = await platform.waitFor(loop.id, ['FAILED'], 60_000);
    expect(loopFailed).toMatchObject({ failureCause: 'UNRESPONSIVE', failureMessage: expect.stringMatching(/did not respond/) });

    expect(worker.pid()).toBe(pid);
    const after = (await platform.api<Deployment>('GET', `/deployments/${steady.id}`)).body;
    expect(after).toMatchObject({ status: 'RUNNING', attempt: 1 });
    expect(after.currentRun?.heartbeatAgeMs).toBeLessThan(3000);
  }, 150_000);
});
