import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Job, UserFunctionSource } from '@weir/contracts';
import { committedLines, sequenceToFiles } from '../support/deployment-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let dir: string;

beforeAll(async () => {
  platform = await startTestPlatform('udf', { workers: 1 });
  dir = await mkdtemp(join(tmpdir(), 'weir-udf-'));
});

afterAll(async () => {
  await platform?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Saves a job with its functions and deploys it, as the console does. */
async function deployWithFunctions(name: string, sql: string, functions: UserFunctionSource[], config: object = {}): Promise<Deployment> {
  const job = await platform.api<Job>('POST', '/jobs', { name, sql, functions });
  expect(job.status).toBe(201);
  const deployed = await platform.api<Deployment>('POST', `/jobs/${job.body.id}/deploy`, { config });
  expect(deployed.status).toBe(201);
  return deployed.body;
}

describe('user functions on the platform', () => {
  it("run a Flink job that names a Java UDF class unchanged, with the job's JavaScript under that class name", async () => {
    const out = join(dir, 'count-char');
    const sql = `CREATE FUNCTION count_char AS 'com.github.nexmark.flink.udf.CountChar';
CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '120');
CREATE TABLE snk (id BIGINT, ones BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
INSERT INTO snk SELECT id, count_char(CAST(id AS STRING), '1') FROM src;`;
    const countChar: UserFunctionSource = {
      identifier: 'com.github.nexmark.flink.udf.CountChar',
      language: 'javascript',
      source: 'function (s, c) { if (s === null) return null; let n = 0; for (const ch of s) if (ch === c) n++; return n; }',
      resultType: 'BIGINT',
      argumentTypes: ['STRING', 'STRING'],
    };
    const deployment = await deployWithFunctions('count-char', sql, [countChar]);
    await platform.waitFor(deployment.id, ['FINISHED'], 60_000);
    const lines = await committedLines(out);
    expect(lines).toHaveLength(120);
    expect(lines).toEqual(expect.arrayContaining(['1,1', '11,2', '111,3', '120,1', '99,0']));
  }, 90_000);

  it('fail the run of an endless-loop or environment-reading function alone, naming the function, while the worker runs other jobs on', async () => {
    const neighbourOut = join(dir, 'neighbour');
    const neighbour = await platform.deploy('neighbour', sequenceToFiles(neighbourOut, 1_000_000, 200), {});
    await platform.waitFor(neighbour.id, ['RUNNING'], 60_000);

    const sql = `CREATE FUNCTION spin AS 'com.example.Spin';
CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10');
CREATE TABLE snk (x BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT spin(id) FROM src;`;
    const spin: UserFunctionSource = { identifier: 'com.example.Spin', language: 'javascript', source: '(id) => { for (;;) {} }', resultType: 'BIGINT' };
    const looping = await deployWithFunctions('spin', sql, [spin], { restartStrategy: { kind: 'none' } });
    const failed = await platform.waitFor(looping.id, ['FAILED'], 60_000);
    expect(failed.failureMessage).toMatch(/user function 'com\.example\.Spin' ran longer than 1000 ms in one call and was stopped/);

    const envSql = `CREATE FUNCTION home AS 'com.example.Home';
CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10');
CREATE TABLE snk (x STRING) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT home() FROM src;`;
    const home: UserFunctionSource = { identifier: 'com.example.Home', language: 'javascript', source: '() => process.env.HOME', resultType: 'STRING' };
    const reading = await deployWithFunctions('reads-env', envSql, [home], { restartStrategy: { kind: 'none' } });
    const refused = await platform.waitFor(reading.id, ['FAILED'], 60_000);
    expect(refused.failureMessage).toMatch(/user function 'com\.example\.Home' failed: ReferenceError: process is not defined/);

    const still = await platform.api<Deployment>('GET', `/deployments/${neighbour.id}`);
    expect(still.body.status).toBe('RUNNING');
    await platform.api('POST', `/deployments/${neighbour.id}/stop`, {});
  }, 120_000);
});
