import { join } from 'node:path';
import { openDirectoryStorage, type CheckpointStorage } from '@weir/engine';
import { loadWorkerConfig, type WorkerConfig } from '../config';
import { S3CheckpointStorage, type S3StorageOptions } from './s3-checkpoint-storage';

/** The S3 options the worker's configuration gives (WEIR_S3_*): a plain object, safe to pass to a worker_thread. */
export function s3StorageOptions(config: Pick<WorkerConfig, 'WEIR_S3_ENDPOINT' | 'WEIR_S3_REGION' | 'WEIR_S3_ACCESS_KEY_ID' | 'WEIR_S3_SECRET_ACCESS_KEY'>): S3StorageOptions {
  return {
    region: config.WEIR_S3_REGION,
    ...(config.WEIR_S3_ENDPOINT ? { endpoint: config.WEIR_S3_ENDPOINT } : {}),
    ...(config.WEIR_S3_ACCESS_KEY_ID ? { accessKeyId: config.WEIR_S3_ACCESS_KEY_ID } : {}),
    ...(config.WEIR_S3_SECRET_ACCESS_KEY ? { secretAccessKey: config.WEIR_S3_SECRET_ACCESS_KEY } : {}),
  };
}

/**
 * Opens the checkpoint storage a URI or path names: `s3://bucket/prefix` in an S3-compatible
 * object store, else a directory (`file://` URIs too). Without `s3Options` an s3:// URI takes them
 * from the worker's configuration (WEIR_S3_*); a host that opens storage away from its
 * configuration (a worker_thread) passes them, as read once from the config by the process.
 */
export function openCheckpointStorage(uriOrPath: string, s3Options?: S3StorageOptions): CheckpointStorage {
  if (/^s3:\/\//i.test(uriOrPath)) return new S3CheckpointStorage(uriOrPath, s3Options ?? s3StorageOptions(loadWorkerConfig()));
  return openDirectoryStorage(uriOrPath);
}

/** A deployment's own folder under the worker's checkpoint root. */
export function deploymentStorageUri(root: string, deploymentId: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(root) ? `${root.replace(/\/+$/, '')}/${deploymentId}` : join(root, deploymentId);
}
