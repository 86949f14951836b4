import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileJob, findLatestCheckpoint, startJob, type CheckpointResult } from '@weir/engine';
import { checkpointStorageContract } from './checkpoint-storage-contract';
import { LOCAL_S3_BUCKET as BUCKET, startLocalS3Server, type LocalS3Server } from './local-s3-server';
import { openCheckpointStorage } from './open-checkpoint-storage';
import { S3CheckpointStorage, type S3StorageOptions } from './s3-checkpoint-storage';

const dirs: string[] = [];
const servers: LocalS3Server[] = [];
const storages: S3CheckpointStorage[] = [];

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `weir-${label}-`));
  dirs.push(dir);
  return dir;
}

async function startS3(options: { conditionalPuts: boolean }): Promise<S3StorageOptions> {
  const server = await startLocalS3Server(options);
  servers.push(server);
  return server.options;
}

function s3Storage(uri: string, options: S3StorageOptions): S3CheckpointStorage {
  const storage = new S3CheckpointStorage(uri, options);
  storages.push(storage);
  return storage;
}

afterAll(async () => {
  for (const storage of storages) storage.destroy();
  await Promise.all(servers.map((server) => server.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('S3CheckpointStorage on a store without conditional writes (head-then-put)', () => {
  let options: S3StorageOptions;
  beforeAll(async () => {
    options = await startS3({ conditionalPuts: false });
  });
  checkpointStorageContract({ open: (root) => s3Storage(`s3://${BUCKET}/weir/${root}`, options), atomicIfAbsent: false });

  it('probes the store and falls back to head-then-put, leaving no probe object behind', async () => {
    const storage = s3Storage(`s3://${BUCKET}/probe-head`, options);
    await storage.put('chk-1/_metadata', new Uint8Array([1]), { ifAbsent: true });
    expect(await storage.list('')).toEqual(['chk-1/_metadata']);
    // Without the probe's answer a store that ignores If-None-Match would let the second writer overwrite.
    await expect(storage.put('chk-1/_metadata', new Uint8Array([2]), { ifAbsent: true })).rejects.toMatchObject({ code: 'CHECKPOINT_ALREADY_EXISTS' });
    expect(Array.from(await storage.get('chk-1/_metadata'))).toEqual([1]);
  });
});

describe('S3CheckpointStorage on a store with conditional writes (If-None-Match)', () => {
  let options: S3StorageOptions;
  beforeAll(async () => {
    options = await startS3({ conditionalPuts: true });
  });
  checkpointStorageContract({ open: (root) => s3Storage(`s3://${BUCKET}/weir/${root}`, options), atomicIfAbsent: true });

  it('uses If-None-Match when told to, without probing', async () => {
    const storage = s3Storage(`s3://${BUCKET}/explicit`, { ...options, conditionalWrites: 'if-none-match' });
    await storage.put('chk-1/_metadata', new Uint8Array([1]), { ifAbsent: true });
    await expect(storage.put('chk-1/_metadata', new Uint8Array([2]), { ifAbsent: true })).rejects.toMatchObject({ code: 'CHECKPOINT_ALREADY_EXISTS' });
    expect(await storage.list('')).toEqual(['chk-1/_metadata']);
  });
});

describe('S3 checkpoint storage errors', () => {
  it('gives STORAGE_FAILED (an external error) when the store cannot be reached or the bucket is missing', async () => {
    const options = await startS3({ conditionalPuts: false });
    const missingBucket = s3Storage('s3://no-such-bucket/x', options);
    await expect(missingBucket.put('chk-1/a', new Uint8Array([1]))).rejects.toMatchObject({ code: 'CHECKPOINT_STORAGE_FAILED', domain: 'external' });
    const unreachable = s3Storage(`s3://${BUCKET}/x`, { ...options, endpoint: 'http://127.0.0.1:1' });
    await expect(unreachable.list('')).rejects.toMatchObject({ code: 'CHECKPOINT_STORAGE_FAILED', domain: 'external' });
  });

  it('refuses a URI that is not s3://bucket/prefix and half a credential pair', () => {
    expect(() => new S3CheckpointStorage('s3://', { region: 'us-east-1' })).toThrow(/not an s3:\/\/bucket\/prefix URI/);
    expect(() => new S3CheckpointStorage('s3://b/p', { region: 'us-east-1', accessKeyId: 'x' })).toThrow(/both an access key id and a secret/);
  });
});

/** Ids in the visible (finished) part files of a filesystem sink; in-progress and pending parts are hidden. */
async function committedIds(path: string): Promise<number[]> {
  const ids: number[] = [];
  for (const name of await readdir(path, { recursive: true }).catch(() => [])) {
    const file = String(name);
    if (file.split('/').some((part) => part.startsWith('.'))) continue;
    const content = await readFile(join(path, file), 'utf8').catch(() => '');
    for (const line of content.split('\n')) if (line.trim() !== '') ids.push(Number(line));
  }
  return ids.sort((a, b) => a - b);
}

describe('engine checkpoints in S3', () => {
  it('checkpoints a run into S3, and a new run restores it and ends with every row exactly once', async () => {
    const options = await startS3({ conditionalPuts: false });
    const out = join(tempDir('s3-sink'), 'out');
    const rows = 450;
    const job = compileJob(`CREATE TABLE src (id BIGINT) WITH (
  'connector' = 'datagen', 'rows-per-second' = '150',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${rows}'
);
CREATE TABLE snk (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
INSERT INTO snk SELECT id FROM src;`);
    const uri = `s3://${BUCKET}/checkpoints/deployment-1`;
    const storage = openCheckpointStorage(uri, options);
    expect(storage).toBeInstanceOf(S3CheckpointStorage);
    storages.push(storage as S3CheckpointStorage);

    const completed: CheckpointResult[] = [];
    let firstCompleted: () => void = () => undefined;
    const checkpointed = new Promise<void>((resolve) => (firstCompleted = resolve));
    const a = startJob(job, {
      checkpointing: {
        storage,
        config: { intervalMs: 100 },
        onCheckpoint: (c) => {
          if (c.status !== 'COMPLETED') return;
          completed.push(c);
          firstCompleted();
        },
      },
    });
    await checkpointed;
    // The run is abandoned between checkpoints: what it wrote after its last one stays uncommitted.
    await new Promise((r) => setTimeout(r, 60));
    await a.stop();
    const last = completed.at(-1)!;
    expect(last.location).toBe(`${uri}/chk-${last.checkpointId}`);
    const before = await committedIds(out);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(rows);
    expect(before).toEqual(Array.from({ length: before.length }, (_, i) => i + 1));

    const reopened = openCheckpointStorage(uri, options);
    storages.push(reopened as S3CheckpointStorage);
    const path = await findLatestCheckpoint(reopened);
    expect(path).toBe(`chk-${last.checkpointId}`);
    const b = startJob(job, { checkpointing: { storage: reopened, config: { intervalMs: 100 }, restore: { storage: reopened, path: path! } } });
    expect((await b.restored)?.checkpointId).toBe(last.checkpointId);
    expect(await b.done).toEqual({ outcome: 'finished' });

    expect(await committedIds(out)).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
    // num-retained 1: the final checkpoint alone is left, complete.
    const folders = [...new Set((await reopened.list('')).map((key) => key.split('/')[0]))];
    expect(folders).toHaveLength(1);
    expect(await reopened.list(folders[0]!)).toContain(`${folders[0]}/_metadata`);
  }, 30_000);
});
