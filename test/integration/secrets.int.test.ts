import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Job, SecretList, SqlDiagnostic } from '@weir/contracts';
import { committedIds, sequenceToFiles } from '../support/deployment-fixtures';
import { testRedisUrl } from '../support/test-database';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let dir: string;

beforeAll(async () => {
  // Debug logging: the most a misconfigured production could print must still hold no secret.
  platform = await startTestPlatform('secrets', { workers: 1, env: { LOG_LEVEL: 'debug' } });
  dir = await mkdtemp(join(tmpdir(), 'weir-secrets-'));
});

afterAll(async () => {
  await platform?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every string value Redis holds under the platform's prefix (queue jobs, their payloads, streams). */
async function redisText(prefix: string): Promise<string> {
  const redis = new Redis(testRedisUrl);
  try {
    const parts: string[] = [];
    for (const key of await redis.keys(`${prefix}:*`)) {
      const type = await redis.type(key);
      if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'string') parts.push((await redis.get(key)) ?? '');
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}

describe('workspace secrets', () => {
  it('reach the run on the worker only: the job version, the API and Redis never hold the value', async () => {
    const out = join(dir, 'out-s3cr3t-path');
    const set = await platform.api('PUT', '/secrets/OUT_DIR', { value: out });
    expect(set.status).toBe(200);
    const listed = await platform.api<SecretList>('GET', '/secrets');
    expect(listed.body.items.map((s) => s.name)).toEqual(['OUT_DIR']);
    expect(JSON.stringify(listed.body)).not.toContain(out);

    const deployment = await platform.deploy('with-secret', sequenceToFiles('${secret.OUT_DIR}', 50, 1000), {});
    await platform.waitFor(deployment.id, ['FINISHED'], 60_000);
    expect(await committedIds(out)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const job = await platform.api<Job>('GET', `/jobs/${deployment.jobId}`);
    expect(job.body.latestVersion.sql).toContain("'path' = '${secret.OUT_DIR}'");
    expect(JSON.stringify(job.body)).not.toContain(out);
    expect(await redisText(platform.prefix)).not.toContain('s3cr3t-path');
  }, 90_000);

  it('refuses to deploy SQL naming a secret the workspace lacks, at its line and column', async () => {
    const created = await platform.api<Job>('POST', '/jobs', { name: 'missing-secret', sql: sequenceToFiles('${secret.NOPE}', 10, 10) });
    const res = await platform.api<ApiError & { details: { diagnostics: SqlDiagnostic[] } }>('POST', `/jobs/${created.body.id}/deploy`, {});
    expect([res.status, res.body.code]).toEqual([400, 'SQL_INVALID']);
    expect(res.body.details.diagnostics[0]).toMatchObject({ code: 'SECRET_UNDEFINED', line: 5, column: 74 });
    const validated = await platform.api<{ ok: boolean; diagnostics: SqlDiagnostic[] }>('POST', `/jobs/${created.body.id}/validate`, {});
    expect(validated.body.ok).toBe(false);
    expect(validated.body.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("secret 'NOPE' is not defined")]);
  });

  it("keeps a secret out of a failed run's error", async () => {
    const value = join(dir, 'no-such-input-s3cr3t');
    await platform.api('PUT', '/secrets/IN_PATH', { value });
    const sql = `CREATE TABLE src (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '\${secret.IN_PATH}', 'format' = 'csv');
CREATE TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT id FROM src;`;
    const deployment = await platform.deploy('failing-with-secret', sql, { restartStrategy: { kind: 'none' } });
    const failed = await platform.waitFor(deployment.id, ['FAILED'], 60_000);
    expect(failed.failureMessage).toContain("cannot read '***'");
    expect(JSON.stringify(failed)).not.toContain('s3cr3t');
    const history = await platform.api<{ items: { message: string | null; stack: string | null }[] }>('GET', `/deployments/${deployment.id}/failovers`);
    expect(JSON.stringify(history.body)).not.toContain('s3cr3t');
    expect(await redisText(platform.prefix)).not.toContain('no-such-input-s3cr3t');
  }, 90_000);

  it('leave no value in any line the API and workers logged, nor in any database column', () => {
    const logged = platform.output.join('\n');
    // The runs above were logged (claimed, failed), so the check reads real output.
    expect(logged).toMatch(/\[worker\].*failed-with-secret|\[worker\].*run/);
    expect(logged).not.toContain('s3cr3t');
    const dump = spawnSync('pg_dump', ['--data-only', platform.databaseUrl], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(dump.status, dump.stderr).toBe(0);
    expect(dump.stdout).toContain('OUT_DIR');
    expect(dump.stdout).not.toContain('s3cr3t');
  });
});
