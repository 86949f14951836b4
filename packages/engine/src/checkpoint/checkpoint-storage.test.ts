import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryCheckpointStorage } from './checkpoint-storage';

const dirs: string[] = [];
function storage(): { dir: string; store: DirectoryCheckpointStorage } {
  const dir = mkdtempSync(join(tmpdir(), 'weir-storage-'));
  dirs.push(dir);
  return { dir, store: new DirectoryCheckpointStorage(dir) };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const bytes = (text: string) => new TextEncoder().encode(text);

describe('DirectoryCheckpointStorage', () => {
  it('writes, reads, lists sorted and deletes folders', async () => {
    const { store } = storage();
    await store.put('chk-2/op-b', bytes('b'));
    await store.put('chk-1/op-a', bytes('a'));
    await store.put('chk-1/_metadata', bytes('m'), { ifAbsent: true });
    expect(await store.list('')).toEqual(['chk-1/_metadata', 'chk-1/op-a', 'chk-2/op-b']);
    expect(new TextDecoder().decode(await store.get('chk-1/op-a'))).toBe('a');
    await store.deletePrefix('chk-1');
    expect(await store.list('')).toEqual(['chk-2/op-b']);
    await expect(store.get('chk-1/op-a')).rejects.toMatchObject({ code: 'CHECKPOINT_NOT_FOUND' });
  });

  it('writes a completion marker once: a second writer gets ALREADY_EXISTS and the first content stays', async () => {
    const { store } = storage();
    const results = await Promise.allSettled([store.put('chk-1/_metadata', bytes('first'), { ifAbsent: true }), store.put('chk-1/_metadata', bytes('second'), { ifAbsent: true })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CHECKPOINT_ALREADY_EXISTS' } });
    expect(['first', 'second']).toContain(new TextDecoder().decode(await store.get('chk-1/_metadata')));
  });

  it('never shows what a writer killed mid-write left: its temporary file is neither listed nor in the way', async () => {
    const { dir, store } = storage();
    mkdirSync(join(dir, 'chk-3'));
    writeFileSync(join(dir, 'chk-3', '_metadata.4242.abc.tmp'), 'torn');
    expect(await store.list('')).toEqual([]);
    await store.put('chk-3/_metadata', bytes('whole'), { ifAbsent: true });
    expect(new TextDecoder().decode(await store.get('chk-3/_metadata'))).toBe('whole');
    expect(readdirSync(join(dir, 'chk-3')).filter((f) => !f.startsWith('_metadata.4242'))).toEqual(['_metadata']);
  });

  it('refuses keys that leave its root', async () => {
    const { store } = storage();
    await expect(store.put('../escape', bytes('x'))).rejects.toMatchObject({ code: 'CHECKPOINT_STORAGE_FAILED' });
  });
});
