import { expect, it } from 'vitest';
import type { CheckpointStorage } from '@weir/engine';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

/** The storage error code a call failed with (`CHECKPOINT_NOT_FOUND`…), or 'resolved'. */
async function failureCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'resolved';
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
}

export interface StorageContractOptions {
  /** Opens a storage on a fresh root named `root` (two roots of one test share a parent: a bucket, a directory). */
  open(root: string): CheckpointStorage;
  /** Whether concurrent if-absent writers of one key are refused by the store itself (not head-then-put). */
  atomicIfAbsent: boolean;
}

/**
 * What the engine relies on from any CheckpointStorage (DirectoryCheckpointStorage is the
 * reference): call inside a `describe` per implementation.
 */
export function checkpointStorageContract({ open, atomicIfAbsent }: StorageContractOptions): void {
  let roots = 0;
  const fresh = () => open(`root-${process.pid}-${Date.now()}-${++roots}`);

  it('reads back what it wrote, byte for byte, and a plain put replaces', async () => {
    const storage = fresh();
    const data = new Uint8Array([0, 1, 2, 255, 128, 10]);
    await storage.put('chk-1/op-a-0', data);
    expect(Array.from(await storage.get('chk-1/op-a-0'))).toEqual(Array.from(data));
    await storage.put('chk-1/op-a-0', bytes('second'));
    expect(text(await storage.get('chk-1/op-a-0'))).toBe('second');
    await storage.put('empty', new Uint8Array(0));
    expect((await storage.get('empty')).length).toBe(0);
  });

  it('fails a read of a missing key with NOT_FOUND', async () => {
    const storage = fresh();
    expect(await failureCode(storage.get('chk-9/_metadata'))).toBe('CHECKPOINT_NOT_FOUND');
  });

  it('writes an if-absent key once: a second writer gets ALREADY_EXISTS and the first content stays', async () => {
    const storage = fresh();
    await storage.put('chk-2/_metadata', bytes('first'), { ifAbsent: true });
    expect(await failureCode(storage.put('chk-2/_metadata', bytes('second'), { ifAbsent: true }))).toBe('CHECKPOINT_ALREADY_EXISTS');
    expect(text(await storage.get('chk-2/_metadata'))).toBe('first');
  });

  if (atomicIfAbsent) {
    it('lets exactly one of several concurrent if-absent writers of a key win', async () => {
      const storage = fresh();
      const writers = Array.from({ length: 8 }, (_, i) => storage.put('chk-3/_metadata', bytes(`writer-${i}`), { ifAbsent: true }));
      const codes = await Promise.all(writers.map((w) => failureCode(w)));
      expect(codes.filter((c) => c === 'resolved')).toHaveLength(1);
      expect(codes.filter((c) => c === 'CHECKPOINT_ALREADY_EXISTS')).toHaveLength(7);
      const winner = codes.indexOf('resolved');
      expect(text(await storage.get('chk-3/_metadata'))).toBe(`writer-${winner}`);
    });
  }

  it('lists the keys under a folder, nested ones too, sorted, relative to the root; a missing folder is empty', async () => {
    const storage = fresh();
    for (const key of ['chk-10/_metadata', 'chk-1/b', 'chk-1/a', 'chk-1/sub/c', 'sp-2-1700000000000/_metadata']) await storage.put(key, bytes(key));
    expect(await storage.list('')).toEqual(['chk-1/a', 'chk-1/b', 'chk-1/sub/c', 'chk-10/_metadata', 'sp-2-1700000000000/_metadata']);
    // 'chk-1' is a folder: 'chk-10' beside it is not under it.
    expect(await storage.list('chk-1')).toEqual(['chk-1/a', 'chk-1/b', 'chk-1/sub/c']);
    expect(await storage.list('chk-1/sub')).toEqual(['chk-1/sub/c']);
    expect(await storage.list('chk-7')).toEqual([]);
  });

  it('deletes a folder, a single key, nothing when absent, and everything with an empty prefix', async () => {
    const storage = fresh();
    for (const key of ['chk-1/a', 'chk-1/sub/b', 'chk-10/a', 'chk-2/x', 'chk-2/y']) await storage.put(key, bytes(key));
    await storage.deletePrefix('chk-1');
    expect(await storage.list('')).toEqual(['chk-10/a', 'chk-2/x', 'chk-2/y']);
    await storage.deletePrefix('chk-2/x');
    expect(await storage.list('')).toEqual(['chk-10/a', 'chk-2/y']);
    await storage.deletePrefix('chk-404');
    await storage.deletePrefix('');
    expect(await storage.list('')).toEqual([]);
  });

  it('keeps roots apart: a root never sees or deletes its neighbour whose name it prefixes', async () => {
    const name = `root-${process.pid}-${Date.now()}-apart`;
    const a = open(name);
    const ab = open(`${name}b`);
    await a.put('chk-1/_metadata', bytes('a'));
    await ab.put('chk-1/_metadata', bytes('ab'));
    expect(await a.list('')).toEqual(['chk-1/_metadata']);
    await a.deletePrefix('');
    expect(await a.list('')).toEqual([]);
    expect(text(await ab.get('chk-1/_metadata'))).toBe('ab');
  });

  it('refuses keys that leave the root', async () => {
    const storage = fresh();
    expect(await failureCode(storage.put('../escape', bytes('x')))).toBe('CHECKPOINT_STORAGE_FAILED');
  });

  it('lists and deletes a folder of more than 1,000 objects (two pages, two delete batches)', async () => {
    const storage = fresh();
    const keys = Array.from({ length: 1010 }, (_, i) => `chk-1/op-${String(i).padStart(4, '0')}`);
    for (let at = 0; at < keys.length; at += 50) await Promise.all(keys.slice(at, at + 50).map((key) => storage.put(key, bytes(key))));
    await storage.put('chk-2/_metadata', bytes('kept'));
    expect(await storage.list('chk-1')).toEqual(keys);
    await storage.deletePrefix('chk-1');
    expect(await storage.list('')).toEqual(['chk-2/_metadata']);
  }, 60_000);
}
