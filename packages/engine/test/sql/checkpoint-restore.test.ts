import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinConnectors, compileJob, DirectoryCheckpointStorage, findLatestCheckpoint, startJob, type CheckpointingOptions } from '../../src/index';
import { capture, parked } from './gated-run';
import { gate, valuesConnector } from './values-connector';

const ROOT = new URL('.', import.meta.url).pathname;
const queries = readdirSync(join(ROOT, 'queries')).filter((f) => f.endsWith('.sql')).sort();
const connectors = builtinConnectors().register(valuesConnector);
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  gate.batches = Number.POSITIVE_INFINITY;
  gate.readers.clear();
  delete gate.onSnapshot;
});

interface Variant {
  /** Incremental checkpoints, one after every batch up to the crash point, so the restore applies a chain. */
  incremental: boolean;
  /** Serialize one entry per runner turn and let the sources go on at the cut: state changes while it is written. */
  async: boolean;
}

/**
 * Runs `sql` to a checkpoint taken after `batches` batches of every values source, abandons the
 * run there (as a crash would), restores a fresh run from the checkpoint and returns what both
 * printed; null when the job ended before reaching that point.
 */
async function crashAndRestore(sql: string, batches: number, variant: Variant): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'weir-restore-'));
  folders.push(dir);
  const storage = new DirectoryCheckpointStorage(dir);
  const checkpointing: CheckpointingOptions = { storage, config: { intervalMs: 3_600_000, incremental: variant.incremental, numRetained: 2 } };
  const first = capture();
  const job = compileJob(sql, { connectors });
  const a = startJob(job, { stdout: first.stream, stderr: first.stream, connectors, checkpointing, ...(variant.async ? { snapshotStepEntries: 1 } : {}) });
  for (let k = variant.incremental ? 0 : batches; k < batches; k++) {
    gate.batches = k;
    if (!(await parked(a))) break;
    expect((await a.triggerCheckpoint()).status).toBe('COMPLETED');
  }
  gate.batches = batches;
  if (!(await parked(a))) {
    await a.done;
    return null;
  }
  let before: string | undefined;
  gate.onSnapshot = () => {
    before ??= first.text();
    if (variant.async) gate.batches = Number.POSITIVE_INFINITY;
  };
  const result = await a.triggerCheckpoint();
  expect(result.status).toBe('COMPLETED');
  await a.stop();
  delete gate.onSnapshot;
  gate.batches = Number.POSITIVE_INFINITY;
  gate.readers.clear();
  const path = `chk-${result.checkpointId}`;
  if (!variant.async) expect(await findLatestCheckpoint(storage)).toBe(path);
  const second = capture();
  const b = startJob(job, { stdout: second.stream, stderr: second.stream, connectors, checkpointing: { ...checkpointing, restore: { storage, path: path as string } } });
  expect(await b.restored).toMatchObject({ checkpointId: result.checkpointId, kind: 'CHECKPOINT' });
  expect((await b.done).outcome).toBe('finished');
  return (before as string) + second.text();
}

const VARIANTS: [string, Variant][] = [
  ['full', { incremental: false, async: false }],
  ['incremental chain', { incremental: true, async: false }],
  ['written while the job goes on', { incremental: false, async: true }],
];

describe.each(VARIANTS)('restoring a checkpoint (%s) gives the output of a run that never failed', (_name, variant) => {
  for (const file of queries) {
    const sql = readFileSync(join(ROOT, 'queries', file), 'utf8');
    if (/^-- error: /.test(sql)) continue;
    it(file, async () => {
      const expected = readFileSync(join(ROOT, 'expected', file.replace(/\.sql$/, '.out')), 'utf8');
      for (let batches = 0; ; batches++) {
        const output = await crashAndRestore(sql, batches, variant);
        if (output === null) break;
        expect(output, `checkpoint after ${batches} batches`).toBe(expected);
      }
    });
  }
});
