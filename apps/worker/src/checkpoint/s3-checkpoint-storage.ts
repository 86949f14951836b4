import { randomUUID } from 'node:crypto';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { storageError, type CheckpointStorage } from '@weir/engine';

/**
 * How `put(…, { ifAbsent })` (the `_metadata` completion marker) is made write-once:
 * - `if-none-match`: one conditional PutObject with `If-None-Match: *` (AWS S3 since 2024-08,
 *   MinIO, Ceph, R2); the store itself refuses the second writer, atomically.
 * - `head-then-put`: HeadObject, then PutObject when absent. Not atomic: two writers of the same
 *   key in the same few milliseconds could both succeed. The engine calls its host's fence (the
 *   deployment epoch) just before writing the marker, so only a fenced-out run that passed its
 *   fence check right before the new attempt wrote the very same checkpoint id could slip through.
 *   For stores without conditional writes (s3rver, old MinIO).
 * - `auto` (default): probes the store once per endpoint and bucket (a conditional put of a
 *   scratch key twice, under the storage root, deleted after) and uses `if-none-match` when the
 *   second put is refused, else `head-then-put`.
 */
export type S3ConditionalWrites = 'auto' | 'if-none-match' | 'head-then-put';

/**
 * How to reach the object store. A plain, structured-clonable object (no client, no functions),
 * so a run hosted in a worker_thread can receive it in `workerData` and open its storage there.
 */
export interface S3StorageOptions {
  /** S3-compatible endpoint (`http://minio:9000`); AWS itself when absent. */
  endpoint?: string;
  region: string;
  /** Both or neither; without them the AWS SDK's default chain (environment, ~/.aws, instance roles). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `bucket` in the path instead of the host name; default: true when an endpoint is given (MinIO, s3rver). */
  forcePathStyle?: boolean;
  conditionalWrites?: S3ConditionalWrites;
}

/** DeleteObjects takes at most 1,000 keys per request. */
const DELETE_BATCH = 1000;

/** One probe per endpoint and bucket per process: runs open a storage each, the answer does not change. */
const probes = new Map<string, Promise<boolean>>();

/**
 * Checkpoint storage in an S3-compatible object store under `s3://bucket/prefix`: each key an
 * object `prefix/key`. A PutObject is atomic (a reader sees the whole object or none), so no
 * temporary names are needed; the completion marker is written once (see S3ConditionalWrites).
 */
export class S3CheckpointStorage implements CheckpointStorage {
  readonly uri: string;
  readonly bucket: string;
  /** The root's key prefix with a trailing '/', or '' for the bucket's root. */
  private readonly root: string;
  private readonly client: S3Client;
  private readonly conditionalWrites: S3ConditionalWrites;
  private readonly probeKey: string;

  constructor(uri: string, options: S3StorageOptions) {
    const match = /^s3:\/\/([^/]+)\/*(.*)$/.exec(uri);
    if (!match) throw storageError('STORAGE_FAILED', `'${uri}' is not an s3://bucket/prefix URI`);
    this.bucket = match[1]!;
    const prefix = match[2]!.replace(/\/+$/, '');
    this.root = prefix === '' ? '' : `${prefix}/`;
    this.uri = `s3://${this.bucket}${prefix === '' ? '' : `/${prefix}`}`;
    if ((options.accessKeyId === undefined) !== (options.secretAccessKey === undefined)) {
      throw storageError('STORAGE_FAILED', 'S3 checkpoint storage needs both an access key id and a secret access key, or neither');
    }
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
      ...(options.accessKeyId && options.secretAccessKey ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } } : {}),
      // Checksums only where the API requires them: S3-compatible servers differ in the newer checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.conditionalWrites = options.conditionalWrites ?? 'auto';
    this.probeKey = `${options.endpoint ?? 'aws'} ${options.region} ${this.bucket}`;
  }

  async put(key: string, data: Uint8Array, options: { ifAbsent?: boolean } = {}): Promise<void> {
    const objectKey = this.objectKey(key);
    try {
      if (!options.ifAbsent) {
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, Body: data }));
        return;
      }
      if (await this.supportsIfNoneMatch()) {
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, Body: data, IfNoneMatch: '*' }));
        return;
      }
      if (await this.exists(objectKey)) throw storageError('ALREADY_EXISTS', `checkpoint object '${key}' already exists in ${this.uri}`);
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, Body: data }));
    } catch (error) {
      if (isStorageError(error)) throw error;
      // 412: the key exists; 409: another conditional write of the key is in flight, and one of the two wins.
      if (options.ifAbsent && (statusOf(error) === 412 || statusOf(error) === 409)) {
        throw storageError('ALREADY_EXISTS', `checkpoint object '${key}' already exists in ${this.uri}`, error);
      }
      throw storageError('STORAGE_FAILED', `cannot write checkpoint object '${key}' in ${this.uri}: ${messageOf(error)}`, error);
    }
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!response.Body) throw new Error('the response has no body');
      return await response.Body.transformToByteArray();
    } catch (error) {
      if (isStorageError(error)) throw error;
      if (statusOf(error) === 404) throw storageError('NOT_FOUND', `checkpoint object '${key}' not found in ${this.uri}`, error);
      throw storageError('STORAGE_FAILED', `cannot read checkpoint object '${key}' in ${this.uri}: ${messageOf(error)}`, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const folder = prefix === '' ? this.root : `${this.objectKey(prefix)}/`;
    try {
      return (await this.listObjects(folder)).map((objectKey) => objectKey.slice(this.root.length)).sort();
    } catch (error) {
      throw storageError('STORAGE_FAILED', `cannot list '${prefix}' in ${this.uri}: ${messageOf(error)}`, error);
    }
  }

  /** Removes the object `prefix` and every object under the folder `prefix/` (the engine passes both folders and single keys). */
  async deletePrefix(prefix: string): Promise<void> {
    try {
      let objectKeys: string[];
      if (prefix === '') {
        objectKeys = await this.listObjects(this.root);
      } else {
        const objectKey = this.objectKey(prefix);
        objectKeys = (await this.listObjects(objectKey)).filter((k) => k === objectKey || k.startsWith(`${objectKey}/`));
      }
      for (let at = 0; at < objectKeys.length; at += DELETE_BATCH) {
        const batch = objectKeys.slice(at, at + DELETE_BATCH);
        const response = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        );
        const failed = response.Errors ?? [];
        if (failed.length > 0) throw new Error(`${failed.length} of ${batch.length} objects not deleted, first '${failed[0]!.Key}': ${failed[0]!.Code} ${failed[0]!.Message}`);
      }
    } catch (error) {
      if (isStorageError(error)) throw error;
      throw storageError('STORAGE_FAILED', `cannot delete '${prefix}' in ${this.uri}: ${messageOf(error)}`, error);
    }
  }

  /** Closes the HTTP connections the client keeps alive. */
  destroy(): void {
    this.client.destroy();
  }

  /** Every object key starting with `keyPrefix`, following continuation tokens (1,000 keys a page). */
  private async listObjects(keyPrefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: keyPrefix, ...(token ? { ContinuationToken: token } : {}) }),
      );
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  private async exists(objectKey: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  private supportsIfNoneMatch(): Promise<boolean> {
    if (this.conditionalWrites !== 'auto') return Promise.resolve(this.conditionalWrites === 'if-none-match');
    let probe = probes.get(this.probeKey);
    if (!probe) {
      probe = this.probeIfNoneMatch();
      probes.set(this.probeKey, probe);
      // A failed probe (store unreachable) is asked again next time rather than remembered.
      probe.catch(() => probes.delete(this.probeKey));
    }
    return probe;
  }

  /** Writes a scratch key twice with If-None-Match: a store that honours it refuses the second write. */
  private async probeIfNoneMatch(): Promise<boolean> {
    const Key = `${this.root}_weir-conditional-write-probe-${randomUUID()}`;
    const put = () => this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: new Uint8Array(0), IfNoneMatch: '*' }));
    try {
      try {
        await put();
      } catch (error) {
        // A store that rejects the header outright (501 NotImplemented, 400) has no conditional writes.
        if (statusOf(error) === 501 || statusOf(error) === 400) return false;
        throw error;
      }
      try {
        await put();
        return false;
      } catch (error) {
        if (statusOf(error) === 412) return true;
        throw error;
      }
    } finally {
      await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: [{ Key }], Quiet: true } })).catch(() => undefined);
    }
  }

  private objectKey(key: string): string {
    const trimmed = key.replace(/\/+$/, '');
    if (trimmed === '' || trimmed.startsWith('/') || trimmed.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      throw storageError('STORAGE_FAILED', `checkpoint key '${key}' is not a relative key inside ${this.uri}`);
    }
    return `${this.root}${trimmed}`;
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode;
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function messageOf(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? '?'}): ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function isStorageError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | undefined)?.code === 'string' && String((error as { code: string }).code).startsWith('CHECKPOINT_');
}
