import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointList, FailoverList } from '@weir/contracts';
import { committedIds, sequenceToFiles } from '../support/deployment-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform('failover', { workers: 2 });
});

afterAll(async () => {
  await platform?.stop();
});


async function firstCompletedCheckpoint(id: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const list = (await platform.api<CheckpointList>('GET', `/deployments/${id}/checkpoints`)).body.items;
    if (list.some((c) => c.status === 'COMPLETED')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`deployment ${id} completed no checkpoint within ${timeoutMs} ms`);
}

describe('failover', () => {
  it('brings a kill -9ed run back RUNNING within 5 s from its last checkpoint, with exactly-once file output', async () => {
    const out = join(platform.dir, 'out-kill');
    const d = await platform.deploy('kill-job', sequenceToFiles(out, 3000, 250), { checkpointing: { intervalMs: 500 } });
    const running = await platform.waitFor(d.id, ['RUNNING'], 30_000);
    await firstCompletedCheckpoint(d.id, 15_000);
    await new Promise((r) => setTimeout(r, 700));

    process.kill(platform.workerOf(running).pid()!, 'SIGKILL');
    const killedAt = Date.now();
    const back = await platform.waitFor(d.id, ['RUNNING'], 15_000, (x) => x.attempt === 2);
    const recoveryMs = Date.now() - killedAt;
    console.log(`kill -9 → RUNNING again (attempt 2) in ${recoveryMs} ms`);
    expect(recoveryMs).toBeLessThanOrEqual(5000);
    expect(back.currentRun?.restoredCheckpointId).toEqual(expect.any(Number));

    const failovers = (await platform.api<FailoverList>('GET', `/deployments/${d.id}/failovers`)).body.items;
    expect(failovers).toHaveLength(1);
    expect(failovers[0]).toMatchObject({ attempt: 1, cause: 'WORKER_LOST', restoredCheckpointId: back.currentRun?.restoredCheckpointId });
    expect(failovers[0]!.downtimeMs).toBeLessThanOrEqual(5000);

    await platform.waitFor(d.id, ['FINISHED'], 60_000);
    expect(await committedIds(out)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  });
});
