import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointList, FailoverList } from '@weir/contracts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

/** Ids 1..rows, at `rate` rows/s, into CSV part files under `path`: the output shows any row lost or doubled. */
function sequenceToFiles(path: string, rows: number, rate: number): string {
  return `CREATE TABLE src (id BIGINT) WITH (
  'connector' = 'datagen', 'rows-per-second' = '${rate}',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${rows}'
);
CREATE TABLE snk (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'csv');
INSERT INTO snk SELECT id FROM src;
`;
}

/** The ids in the visible (finished) part files; in-progress and pending parts are hidden files. */
async function committedIds(path: string): Promise<number[]> {
  const ids: number[] = [];
  for (const name of await readdir(path, { recursive: true })) {
    const file = String(name);
    if (file.split('/').some((part) => part.startsWith('.'))) continue;
    const text = await readFile(join(path, file), 'utf8').catch(() => '');
    for (const line of text.split('\n')) if (line.trim() !== '') ids.push(Number(line));
  }
  return ids.sort((a, b) => a - b);
}

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
