import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoints, committedIds, eventually, failovers, runEvents, sequenceToFiles } from '../support/deployment-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform('fencing', { workers: 2 });
});

afterAll(async () => {
  await platform?.stop();
});

describe('fencing', () => {
  it('lets a paused worker that comes back after its run failed over commit no output and no checkpoint, and ends its run FENCED', async () => {
    const out = join(platform.dir, 'out-fenced');
    const rows = 2500;
    const d = await platform.deploy('fenced-job', sequenceToFiles(out, rows, 250), { checkpointing: { intervalMs: 300 } });
    const running = await platform.waitFor(d.id, ['RUNNING'], 30_000);
    const zombieRunId = running.currentRun!.id;
    await eventually('a first completed checkpoint', 15_000, async () => ((await checkpoints(platform, d.id)).some((c) => c.status === 'COMPLETED') ? true : undefined));
    // Rows written after the last checkpoint sit in pending parts: the zombie has output it could still commit.
    await new Promise((r) => setTimeout(r, 500));

    const zombie = platform.workerOf(running);
    const pid = zombie.pid()!;
    process.kill(pid, 'SIGSTOP');
    let resumedAt: number;
    try {
      const pausedAt = Date.now();
      // Its queue lock expires; the scheduler finds the run lost, raises the epoch and starts attempt 2 on the other worker.
      const back = await platform.waitFor(d.id, ['RUNNING'], 15_000, (x) => x.attempt === 2);
      console.log(`SIGSTOP → attempt 2 RUNNING in ${Date.now() - pausedAt} ms`);
      expect(back.currentRun!.id).not.toBe(zombieRunId);
      expect(back.currentRun!.epoch).toBeGreaterThan(running.currentRun!.epoch);
      expect(back.currentRun!.workerId).not.toBe(running.currentRun!.workerId);
      // Let the new attempt commit a checkpoint of its own, so both runs hold output for the same rows.
      await eventually('a checkpoint of attempt 2', 15_000, async () =>
        ((await checkpoints(platform, d.id)).some((c) => c.runId === back.currentRun!.id && c.status === 'COMPLETED') ? true : undefined),
      );
    } finally {
      resumedAt = Date.now();
      process.kill(pid, 'SIGCONT');
    }

    // Whatever the zombie does, it is over before the output is read.
    const zombieEnd = await eventually('the zombie run ending', 30_000, async () =>
      (await runEvents(platform)).find((e) => e.runId === zombieRunId && (e.kind === 'failed' || e.kind === 'finished' || e.kind === 'stopped')),
    );
    await platform.waitFor(d.id, ['FINISHED'], 60_000);
    // Exactly once: any part the zombie committed after the failover would double rows attempt 2 replayed.
    expect(await committedIds(out)).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
    const zombieCheckpoints = (await runEvents(platform)).filter((e) => e.runId === zombieRunId && e.kind === 'checkpoint' && e.ts >= resumedAt);
    console.log(`zombie checkpoints after SIGCONT: ${zombieCheckpoints.map((e) => (e.kind === 'checkpoint' ? `${e.checkpoint.checkpointId} ${e.checkpoint.status} ${e.checkpoint.error ?? ''}` : '')).join('; ') || 'none'}`);
    for (const e of zombieCheckpoints) expect(e.kind === 'checkpoint' && e.checkpoint.status).not.toBe('COMPLETED');
    const recorded = (await checkpoints(platform, d.id)).filter((c) => c.runId === zombieRunId && c.status === 'COMPLETED');
    for (const c of recorded) expect(Date.parse(c.completedAt!)).toBeLessThan(resumedAt);
    console.log(`SIGCONT → zombie run reported ${zombieEnd.kind === 'failed' ? zombieEnd.cause : zombieEnd.kind} after ${zombieEnd.ts - resumedAt} ms`);
    expect(zombieEnd).toMatchObject({ kind: 'failed', cause: 'FENCED', recoverable: false });

    const history = await failovers(platform, d.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ attempt: 1, cause: 'WORKER_LOST' });
  });
});
