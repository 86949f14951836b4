import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WeirError, type DeploymentRunPayload } from '@weir/contracts';
import type { CheckpointResult } from '@weir/engine';
import { IsolatedJob, type IsolatedJobOptions } from './isolated-job';
import { JobThreadPool } from './job-thread-pool';
import { classifyFailure } from './run-failure';

const root = mkdtempSync(join(tmpdir(), 'weir-isolated-'));
const threads = new JobThreadPool({ stackSizeMb: 4, prewarm: true, prewarmDelayMs: 0, defaultMemoryLimitMb: 256 });
afterAll(async () => {
  await threads.close();
  rmSync(root, { recursive: true, force: true });
});

let runs = 0;
function payload(sql: string, overrides: Partial<DeploymentRunPayload> = {}): DeploymentRunPayload {
  runs++;
  return {
    deploymentId: `d${runs}`,
    runId: `r${runs}`,
    attempt: 1,
    epoch: 1,
    jobVersionId: 'v1',
    jobVersion: 1,
    sql,
    functions: [],
    secrets: [],
    catalogTables: [],
    catalogFunctions: {},
    parallelism: 1,
    checkpointing: { enabled: true, intervalMs: 200, mode: 'EXACTLY_ONCE', timeoutMs: 60_000, minPauseMs: 0, incremental: false, numRetained: 2, maxChainLength: 8 },
    restore: { kind: 'none' },
    allowNonRestoredState: false,
    memoryLimitMb: 256,
    ...overrides,
  };
}

function start(run: DeploymentRunPayload, options: Partial<IsolatedJobOptions> = {}) {
  const checkpoints: CheckpointResult[] = [];
  const job = new IsolatedJob(
    { payload: run, storageUri: join(root, run.deploymentId), udfLimits: { memoryMb: 32, callTimeoutMs: 300 } },
    { memoryLimitMb: run.memoryLimitMb, threads, unresponsiveMs: 10_000, fence: async () => undefined, onCheckpoint: (c) => checkpoints.push(c), ...options },
  );
  return { job, checkpoints };
}

const sequenceInto = (out: string, rows: number, rate: number) => `
  CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${rows}', 'rows-per-second' = '${rate}');
  CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
  INSERT INTO out SELECT id FROM src;`;

/** Every key new, so state only grows: the job must pass any memory limit. */
const unboundedState = `
  CREATE TABLE src (id BIGINT, s STRING) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000000', 'fields.s.length' = '200', 'rows-per-second' = '100000000');
  CREATE TABLE out (id BIGINT, n BIGINT, s STRING) WITH ('connector' = 'blackhole');
  INSERT INTO out SELECT id, COUNT(*), MAX(s) FROM src GROUP BY id;`;

/** Catastrophic backtracking: one row keeps V8's regex engine busy for hours without yielding. */
const endlessLoop = `
  CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10');
  CREATE TABLE out (m BOOLEAN) WITH ('connector' = 'blackhole');
  INSERT INTO out SELECT REGEXP(CONCAT('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', CAST(id AS STRING)), '^(a+)+$') FROM src;`;

describe('IsolatedJob', () => {
  it('runs a job in its own thread to the end, with checkpoints, metrics and its output', async () => {
    const out = join(root, 'out-finish');
    const { job, checkpoints } = start(payload(sequenceInto(out, 3000, 5000)));
    expect(await job.restored).toBeNull();
    const end = await job.done;
    expect(end.outcome).toBe('finished');
    expect(end.metrics.find((v) => v.name === 'Sink: out')?.recordsIn).toBe(3000);
    expect(checkpoints.filter((c) => c.status === 'COMPLETED').length).toBeGreaterThan(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).length).toBeGreaterThan(0);
    expect(job.ended).toBe(true);
  });

  it('stops with a savepoint taken in the thread, and refuses requests once ended', async () => {
    const { job } = start(payload(sequenceInto(join(root, 'out-stop'), 1_000_000, 2000)));
    await job.restored;
    expect((await job.metrics()).length).toBeGreaterThan(0);
    const savepoint = await job.stop({ savepoint: true });
    expect(savepoint).toMatchObject({ kind: 'SAVEPOINT', status: 'COMPLETED' });
    expect((await job.done).outcome).toBe('stopped');
    await expect(job.metrics()).rejects.toThrow(/ended/);
  });

  it('carries a fencing refusal from the host into the engine: no checkpoint completes', async () => {
    const fenced = () => Promise.reject(new WeirError('FENCED', 'superseded by epoch 2'));
    const { job, checkpoints } = start(payload(sequenceInto(join(root, 'out-fenced'), 1_000_000, 2000)), { fence: fenced });
    await expect(job.done).rejects.toThrow();
    expect(checkpoints.filter((c) => c.status === 'COMPLETED')).toEqual([]);
    expect(classifyFailure(await job.done.catch((e: unknown) => e)).cause).toBe('FENCED');
  });

  it('fails an out-of-memory run alone, naming its limit, while another run goes on', async () => {
    const neighbour = start(payload(sequenceInto(join(root, 'out-neighbour'), 4000, 2000)));
    const hog = start(payload(unboundedState, { memoryLimitMb: 64 }));
    const error = await hog.job.done.catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/memory limit of 64 MB/);
    expect(classifyFailure(error)).toMatchObject({ cause: 'OUT_OF_MEMORY', recoverable: true });
    expect(await neighbour.job.done).toMatchObject({ outcome: 'finished' });
  }, 60_000);

  it('terminates a run stuck in an endless loop as UNRESPONSIVE while this thread keeps its timers', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const { job } = start(payload(endlessLoop), { unresponsiveMs: 1500 });
    const poll = setInterval(() => job.metrics().catch(() => undefined), 200);
    const error = await job.done.catch((e: unknown) => e);
    clearInterval(poll);
    clearInterval(ticker);
    expect(classifyFailure(error)).toMatchObject({ cause: 'UNRESPONSIVE', recoverable: true });
    expect(String((error as Error).message)).toMatch(/did not respond for \d+ s/);
    // 1.5 s of silence at 50 ms per tick: the host's event loop was never blocked by the run.
    expect(ticks).toBeGreaterThan(20);
  }, 30_000);

  it("runs the job's user functions in the sandbox, which sees nothing of the worker", async () => {
    const out = join(root, 'out-udf');
    const sql = `
      CREATE FUNCTION label AS 'com.example.Label';
      CREATE FUNCTION host_view AS 'hostView';
      CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');
      CREATE TABLE out (l STRING, h STRING) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
      INSERT INTO out SELECT label(id), host_view() FROM src;`;
    const functions: DeploymentRunPayload['functions'] = [
      { identifier: 'com.example.Label', language: 'javascript', source: '(id) => `n${id * 2}`', resultType: 'STRING', argumentTypes: ['BIGINT'] },
      { identifier: 'hostView', language: 'javascript', source: '() => [typeof process, typeof require, typeof fetch].join("/")', resultType: 'STRING' },
    ];
    const { job } = start(payload(sql, { functions }));
    expect((await job.done).outcome).toBe('finished');
    const written = readdirSync(out).filter((f) => !f.startsWith('.')).map((f) => readFileSync(join(out, f), 'utf8')).join('');
    expect(written.trim().split('\n').sort()).toEqual(['n2,undefined/undefined/undefined', 'n4,undefined/undefined/undefined', 'n6,undefined/undefined/undefined']);
  });

  it('fails a run whose user function loops forever, naming it, while another run goes on', async () => {
    const neighbour = start(payload(sequenceInto(join(root, 'out-udf-neighbour'), 2000, 2000)));
    const sql = `
      CREATE FUNCTION spin AS 'com.example.Spin';
      CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10');
      CREATE TABLE out (x BIGINT) WITH ('connector' = 'blackhole');
      INSERT INTO out SELECT spin(id) FROM src;`;
    const functions: DeploymentRunPayload['functions'] = [{ identifier: 'com.example.Spin', language: 'javascript', source: '(id) => { for (;;) {} }', resultType: 'BIGINT' }];
    const { job } = start(payload(sql, { functions }));
    const error = await job.done.catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/user function 'com.example.Spin' ran longer than 300 ms in one call/);
    expect(classifyFailure(error)).toMatchObject({ cause: 'EXCEPTION', recoverable: false });
    expect(await neighbour.job.done).toMatchObject({ outcome: 'finished' });
  }, 30_000);

  it('fails a stack overflow as the run\'s own exception', async () => {
    const nested = `${'('.repeat(50_000)}1${')'.repeat(50_000)}`;
    const sql = `CREATE TABLE out (x INT) WITH ('connector' = 'blackhole'); INSERT INTO out SELECT ${nested};`;
    const { job } = start(payload(sql));
    const error = await job.done.catch((e: unknown) => e);
    expect(classifyFailure(error).cause).toBe('EXCEPTION');
    expect(String((error as Error).message)).toMatch(/call stack|too deeply nested/i);
  }, 30_000);
});
