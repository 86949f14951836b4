import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_S3_BUCKET, startLocalS3Server, type LocalS3Server } from '../../apps/worker/src/checkpoint/local-s3-server';
import { checkpoints, committedIds, eventually, failovers, sequenceToFiles } from '../support/deployment-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let s3: LocalS3Server;
let platform: TestPlatform;

beforeAll(async () => {
  // With If-None-Match, as MinIO and AWS S3 have it: the workers take the conditional-write path.
  s3 = await startLocalS3Server({ conditionalPuts: true });
  const { endpoint, region, accessKeyId, secretAccessKey } = s3.options;
  platform = await startTestPlatform('s3ckpt', {
    workers: 2,
    env: {
      WEIR_CHECKPOINT_DIR: `s3://${LOCAL_S3_BUCKET}/checkpoints`,
      WEIR_S3_ENDPOINT: endpoint!,
      WEIR_S3_REGION: region,
      WEIR_S3_ACCESS_KEY_ID: accessKeyId!,
      WEIR_S3_SECRET_ACCESS_KEY: secretAccessKey!,
    },
  });
});

afterAll(async () => {
  await platform?.stop();
  await s3?.stop();
});

describe('checkpoints in S3', () => {
  it('fails a kill -9ed run over to the other worker, which restores its checkpoint from S3, with exactly-once file output', async () => {
    const out = join(platform.dir, 'out-s3');
    const rows = 2000;
    const d = await platform.deploy('s3-job', sequenceToFiles(out, rows, 250), { checkpointing: { intervalMs: 500 } });
    const running = await platform.waitFor(d.id, ['RUNNING'], 30_000);
    const first = await eventually('a completed checkpoint', 15_000, async () => (await checkpoints(platform, d.id)).find((c) => c.status === 'COMPLETED'));
    expect(first.location).toMatch(new RegExp(`^s3://${LOCAL_S3_BUCKET}/checkpoints/${d.id}/chk-\\d+$`));
    await new Promise((r) => setTimeout(r, 700));

    process.kill(platform.workerOf(running).pid()!, 'SIGKILL');
    const killedAt = Date.now();
    const back = await platform.waitFor(d.id, ['RUNNING'], 15_000, (x) => x.attempt === 2);
    console.log(`S3 checkpoints: kill -9 → RUNNING again (attempt 2) in ${Date.now() - killedAt} ms, restored checkpoint ${back.currentRun?.restoredCheckpointId}`);
    expect(back.currentRun?.restoredCheckpointId).toBeGreaterThanOrEqual(first.checkpointId);
    expect((await failovers(platform, d.id))[0]).toMatchObject({ cause: 'WORKER_LOST', restoredCheckpointId: back.currentRun?.restoredCheckpointId });

    await platform.waitFor(d.id, ['FINISHED'], 60_000);
    expect(await committedIds(out)).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
  });
});
