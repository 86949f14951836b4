import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDirectoryStorage } from '@weir/engine';
import { newestSnapshot, splitLocation } from './snapshot-location';

let dir: string | undefined;
afterEach(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('snapshot locations', () => {
  it('splits a folder URI into root and folder', () => {
    expect(splitLocation('file:///data/checkpoints/d1/chk-12')).toEqual({ rootUri: 'file:///data/checkpoints/d1', folder: 'chk-12' });
    expect(splitLocation('s3://bucket/weir/d1/sp-13-1700000000000/')).toEqual({ rootUri: 's3://bucket/weir/d1', folder: 'sp-13-1700000000000' });
  });

  it('finds the newest completed snapshot, savepoints included, ignoring unfinished folders', async () => {
    dir = await mkdtemp(join(tmpdir(), 'weir-snapshots-'));
    const storage = openDirectoryStorage(dir);
    expect(await newestSnapshot(storage)).toBeNull();
    await storage.put('chk-3/_metadata', new Uint8Array([1]));
    await storage.put('chk-5/_metadata', new Uint8Array([1]));
    await storage.put('sp-6-1700000000000/_metadata', new Uint8Array([1]));
    await storage.put('chk-7/part-0', new Uint8Array([1]));
    expect(await newestSnapshot(storage)).toEqual({ folder: 'sp-6-1700000000000', checkpointId: 6 });
    await storage.put('chk-10/_metadata', new Uint8Array([1]));
    expect(await newestSnapshot(storage)).toEqual({ folder: 'chk-10', checkpointId: 10 });
  });
});
