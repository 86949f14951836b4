import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreatedPoolJoinToken, type Deployment, type Job, type WorkspacePool, type WorkspaceSummary } from '@weir/contracts';
import { sequenceToFiles } from '../support/deployment-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform('pools', { workers: 1 });
});

afterAll(async () => {
  await platform?.stop();
});

async function deployIn(slug: string, name: string, path: string): Promise<Deployment> {
  const job = await platform.api<Job>('POST', '/jobs', { name, sql: sequenceToFiles(path, 1_000_000, 100) }, slug);
  expect(job.status).toBe(201);
  const deployed = await platform.api<Deployment>('POST', `/jobs/${job.body.id}/deploy`, { config: {} }, slug);
  expect(deployed.status).toBe(201);
  return deployed.body;
}

describe('exclusive worker pools', () => {
  it("run a workspace's deployments on the workers that joined its pool, and stop claiming once the token is revoked", async () => {
    const workspace = await platform.api<WorkspaceSummary>('POST', '/workspaces', { slug: 'team-x', name: 'Team X' });
    expect(workspace.status).toBe(201);
    const pool = await platform.api<WorkspacePool>('PUT', '/workspaces/team-x/pool', { mode: 'exclusive' });
    expect(pool.body.mode).toBe('exclusive');
    const joinToken = await platform.api<CreatedPoolJoinToken>('POST', '/workspaces/team-x/pool/join-tokens', { name: 'rack-1' });
    platform.stack.addWorker('team-x-worker', { WEIR_POOL_JOIN_TOKEN: joinToken.body.token, WEIR_WORKER_ID: 'team-x-worker', WEIR_POOL_JOIN_CHECK_MS: '500' });

    const own = await deployIn('team-x', 'own-pool', `${platform.dir}/own-pool`);
    const running = await platform.waitFor(own.id, ['RUNNING'], 60_000);
    expect(running.currentRun?.workerId).toBe('team-x-worker');

    const shared = await platform.deploy('shared-pool', sequenceToFiles(`${platform.dir}/shared-pool`, 1_000_000, 100), {});
    const sharedRunning = await platform.waitFor(shared.id, ['RUNNING'], 60_000);
    expect(sharedRunning.currentRun?.workerId).not.toBe('team-x-worker');

    expect((await platform.api('DELETE', `/workspaces/team-x/pool/join-tokens/${joinToken.body.id}`)).status).toBe(204);
    // Three membership checks' time: the worker has been refused and paused.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const afterRevoke = await deployIn('team-x', 'after-revoke', `${platform.dir}/after-revoke`);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const waiting = await platform.api<Deployment>('GET', `/deployments/${afterRevoke.id}`);
    expect(waiting.body.status).not.toBe('RUNNING');
    expect(waiting.body.currentRun?.workerId ?? null).toBeNull();
    // The run it already had goes on.
    expect((await platform.api<Deployment>('GET', `/deployments/${own.id}`)).body.status).toBe('RUNNING');

    for (const id of [own.id, afterRevoke.id]) await platform.api('POST', `/deployments/${id}/stop`, {});
    await platform.api('POST', `/deployments/${shared.id}/stop`, {});
  }, 150_000);
});
