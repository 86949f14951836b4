import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { DirectoryCheckpointStorage } from '@weir/engine';
import { checkpointStorageContract } from './checkpoint-storage-contract';

// The reference implementation of the contract S3CheckpointStorage is held to.
describe('DirectoryCheckpointStorage', () => {
  const parent = mkdtempSync(join(tmpdir(), 'weir-dir-storage-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));
  checkpointStorageContract({ open: (root) => new DirectoryCheckpointStorage(join(parent, root)), atomicIfAbsent: true });
});
