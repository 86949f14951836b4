import { join } from 'node:path';
import { openDirectoryStorage, type CheckpointStorage } from '@weir/engine';

/** Opens the checkpoint storage a URI or path names (a directory; `file://` URIs too). */
export function openCheckpointStorage(uriOrPath: string): CheckpointStorage {
  return openDirectoryStorage(uriOrPath);
}

/** A deployment's own folder under the worker's checkpoint root. */
export function deploymentStorageUri(root: string, deploymentId: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(root) ? `${root.replace(/\/+$/, '')}/${deploymentId}` : join(root, deploymentId);
}
