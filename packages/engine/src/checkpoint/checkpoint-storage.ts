import { link, mkdir, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EngineError } from '../errors';

/**
 * Where checkpoints and savepoints are kept: objects under `/`-separated keys relative to a root,
 * written whole. One interface for a directory (a shared mount across hosts) and an object store;
 * packages outside the engine add other kinds (S3) by implementing it.
 */
export interface CheckpointStorage {
  /** The root as a URI: `file:///abs/dir`, `s3://bucket/prefix`. */
  readonly uri: string;
  /** Writes an object whole; with `ifAbsent` an existing key fails with ALREADY_EXISTS (a completion marker is written once). */
  put(key: string, data: Uint8Array, options?: { ifAbsent?: boolean }): Promise<void>;
  /** Reads an object; NOT_FOUND when it does not exist. */
  get(key: string): Promise<Uint8Array>;
  /** The keys directly or indirectly under `prefix` (a folder, '' for all), sorted. */
  list(prefix: string): Promise<string[]>;
  /** Removes every object under `prefix` (a folder); nothing when there is none. */
  deletePrefix(prefix: string): Promise<void>;
}

/** A storage error with a stable code: NOT_FOUND, ALREADY_EXISTS or STORAGE_FAILED. */
export function storageError(code: 'NOT_FOUND' | 'ALREADY_EXISTS' | 'STORAGE_FAILED', message: string, cause?: unknown): EngineError {
  return new EngineError(message, { code: `CHECKPOINT_${code}`, domain: code === 'STORAGE_FAILED' ? 'external' : 'internal', cause, details: { storageCode: code } });
}

/** Checkpoint storage in a directory: each object a file, written to a temporary name and renamed, so a reader never sees half of one. */
export class DirectoryCheckpointStorage implements CheckpointStorage {
  readonly uri: string;
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
    this.uri = pathToFileURL(this.root).href;
  }

  async put(key: string, data: Uint8Array, options: { ifAbsent?: boolean } = {}): Promise<void> {
    const path = this.pathOf(key);
    try {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      const handle = await open(temporary, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (!options.ifAbsent) {
        await rename(temporary, path);
        return;
      }
      // link() publishes the whole file or fails with EEXIST, atomically: a writer killed mid-write
      // leaves only a .tmp file behind, never a torn completion marker, and two writers of one
      // marker cannot both succeed.
      try {
        await link(temporary, path);
      } finally {
        await unlink(temporary);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw storageError('ALREADY_EXISTS', `checkpoint object '${key}' already exists in ${this.uri}`, error);
      throw storageError('STORAGE_FAILED', `cannot write checkpoint object '${key}' in ${this.uri}: ${(error as Error).message}`, error);
    }
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw storageError('NOT_FOUND', `checkpoint object '${key}' not found in ${this.uri}`, error);
      throw storageError('STORAGE_FAILED', `cannot read checkpoint object '${key}' in ${this.uri}: ${(error as Error).message}`, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const base = prefix === '' ? this.root : this.pathOf(prefix);
    const keys: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw storageError('STORAGE_FAILED', `cannot list ${dir}: ${(error as Error).message}`, error);
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (!entry.name.endsWith('.tmp')) keys.push(path.slice(this.root.length + 1).split(sep).join('/'));
      }
    };
    await walk(base);
    return keys.sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    try {
      await rm(prefix === '' ? this.root : this.pathOf(prefix), { recursive: true, force: true });
    } catch (error) {
      throw storageError('STORAGE_FAILED', `cannot delete '${prefix}' in ${this.uri}: ${(error as Error).message}`, error);
    }
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (path !== this.root && !path.startsWith(this.root + sep)) throw storageError('STORAGE_FAILED', `checkpoint key '${key}' leaves the storage root ${this.uri}`);
    return path;
  }
}

/**
 * Opens the storage a URI names: a `file://` URI or a filesystem path. Other schemes (s3://) are
 * provided by the host through `CheckpointStorage`; they give UNSUPPORTED_STORAGE here.
 */
export function openDirectoryStorage(uriOrPath: string): DirectoryCheckpointStorage {
  if (uriOrPath.startsWith('file:')) return new DirectoryCheckpointStorage(fileURLToPath(uriOrPath));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uriOrPath)) {
    throw new EngineError(`checkpoint storage '${uriOrPath}' is not a directory; this host supports file:// paths only`, { code: 'UNSUPPORTED_STORAGE', domain: 'user', details: { option: 'execution.checkpointing.dir' } });
  }
  return new DirectoryCheckpointStorage(isAbsolute(uriOrPath) ? uriOrPath : resolve(uriOrPath));
}
