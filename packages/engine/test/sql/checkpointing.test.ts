import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  builtinConnectors, compileJob, DirectoryCheckpointStorage, findLatestCheckpoint, startJob, type CheckpointResult, type CheckpointStorage,
} from '../../src/index';
import { capture, parked } from './gated-run';
import { gate, valuesConnector } from './values-connector';

const connectors = builtinConnectors().register(valuesConnector);
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  gate.batches = Number.POSITIVE_INFINITY;
  gate.readers.clear();
  delete gate.onSnapshot;
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weir-ckpt-'));
  folders.push(dir);
  return dir;
}

/** The rows visible in a filesystem sink's folder (finished parts only), sorted. */
function visibleRows(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.startsWith('part-')).flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean)).sort();
}

const BIDS = `CREATE TABLE bids (id BIGINT, auction BIGINT, price BIGINT) WITH (
  'connector' = 'values',
  'data' = '1,1,10; 2,2,20 | 3,1,30; 4,3,40 | 5,2,50; 6,1,60 | 7,3,70'
);`;

describe('filesystem sink two-phase commit', () => {
  const sqlInto = (out: string) => `${BIDS}
CREATE TABLE out_files (id BIGINT, price BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
INSERT INTO out_files SELECT id, price FROM bids;`;

  it('shows no row before its checkpoint completes, and a crash between pre-commit and commit loses or doubles none', async () => {
    const out = join(tempDir(), 'out');
    const dir = tempDir();
    const real = new DirectoryCheckpointStorage(dir);
    const crash: { atKey?: string } = {};
    // Writes the completion marker, then never returns: the run dies before its sinks commit.
    const storage: CheckpointStorage = {
      uri: real.uri,
      put: async (key, data, options) => {
        await real.put(key, data, options);
        if (key === crash.atKey) await new Promise<never>(() => undefined);
      },
      get: (key) => real.get(key), list: (prefix) => real.list(prefix), deletePrefix: (prefix) => real.deletePrefix(prefix),
    };
    const job = compileJob(sqlInto(out), { connectors });
    gate.batches = 1;
    const a = startJob(job, { connectors, checkpointing: { storage, config: { intervalMs: 3_600_000 } } });
    expect(await parked(a)).toBe(true);
    expect(visibleRows(out)).toEqual([]);
    expect((await a.triggerCheckpoint()).status).toBe('COMPLETED');
    expect(visibleRows(out)).toEqual(['1,10', '2,20']);
    gate.batches = 2;
    expect(await parked(a)).toBe(true);
    crash.atKey = 'chk-2/_metadata';
    void a.triggerCheckpoint();
    for (let i = 0; i < 500 && !existsSync(join(dir, 'chk-2', '_metadata')); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    gate.batches = 3;
    expect(await parked(a)).toBe(true);
    await a.stop();
    // Checkpoint 2 is complete but uncommitted; batch 3 was written after it: neither is visible.
    expect(visibleRows(out)).toEqual(['1,10', '2,20']);
    expect(readdirSync(out).some((name) => name.endsWith('.pending'))).toBe(true);

    gate.batches = Number.POSITIVE_INFINITY;
    gate.readers.clear();
    const path = await findLatestCheckpoint(real);
    expect(path).toBe('chk-2');
    const b = startJob(job, { connectors, checkpointing: { storage: real, config: { intervalMs: 3_600_000 }, restore: { storage: real, path: path as string } } });
    expect((await b.done).outcome).toBe('finished');
    expect(visibleRows(out)).toEqual(['1,10', '2,20', '3,30', '4,40', '5,50', '6,60', '7,70']);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('publishes each part as it rolls when the job does not checkpoint', async () => {
    const out = join(tempDir(), 'out');
    const handle = startJob(compileJob(sqlInto(out), { connectors }), { connectors });
    expect((await handle.done).outcome).toBe('finished');
    expect(visibleRows(out)).toHaveLength(7);
  });
});

describe('savepoints and state compatibility', () => {
  const counts = (groupBy: string, sink = 'counts') => `${BIDS}
CREATE TABLE ${sink} (k BIGINT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO ${sink} SELECT ${groupBy}, COUNT(*) FROM bids GROUP BY ${groupBy};`;

  async function savepointAfterTwoBatches(sql: string, storage: CheckpointStorage): Promise<CheckpointResult> {
    gate.batches = 2;
    const a = startJob(compileJob(sql, { connectors }), { connectors, stdout: capture().stream, checkpointing: { storage, config: { intervalMs: 3_600_000 } } });
    expect(await parked(a)).toBe(true);
    const savepoint = await a.stop({ savepoint: true });
    gate.batches = Number.POSITIVE_INFINITY;
    gate.readers.clear();
    return savepoint as CheckpointResult;
  }

  it('carries state over to a job whose sink changed', async () => {
    const storage = new DirectoryCheckpointStorage(tempDir());
    const savepoint = await savepointAfterTwoBatches(counts('auction'), storage);
    expect(savepoint).toMatchObject({ kind: 'SAVEPOINT', status: 'COMPLETED' });
    const path = (savepoint.location as string).split('/').pop() as string;
    expect(path).toMatch(/^sp-1-\d+$/);
    const out = capture();
    const b = startJob(compileJob(counts('auction', 'renamed'), { connectors }), { connectors, stdout: out.stream, checkpointing: { storage, restore: { storage, path } } });
    expect(await b.restored).toMatchObject({ kind: 'SAVEPOINT', checkpointId: 1 });
    await b.done;
    // Auction 1 had two bids and auction 2 one before the savepoint; counting goes on from there.
    expect(out.text()).toBe(['-U[2, 1]', '+U[2, 2]', '-U[1, 2]', '+U[1, 3]', '-U[3, 1]', '+U[3, 2]', ''].join('\n'));
  });

  it('refuses a restore into a changed grouping key, naming the operator, unless allowNonRestoredState', async () => {
    const storage = new DirectoryCheckpointStorage(tempDir());
    const savepoint = await savepointAfterTwoBatches(counts('auction'), storage);
    const path = (savepoint.location as string).split('/').pop() as string;
    const changed = compileJob(counts('id'), { connectors });
    const refused = startJob(changed, { connectors, stdout: capture().stream, checkpointing: { storage, restore: { storage, path } } });
    await expect(refused.done).rejects.toMatchObject({ code: 'STATE_INCOMPATIBLE', message: expect.stringMatching(/GroupAggregate \(uid [0-9a-f]{16}\).*allowNonRestoredState/) });
    await expect(refused.restored).rejects.toMatchObject({ code: 'STATE_INCOMPATIBLE' });
    const out = capture();
    const allowed = startJob(changed, { connectors, stdout: out.stream, checkpointing: { storage, restore: { storage, path, allowNonRestoredState: true } } });
    await allowed.done;
    // The sources resume where they were (ids 5..7); the new aggregate starts empty.
    expect(out.text()).toBe(['+I[5, 1]', '+I[6, 1]', '+I[7, 1]', ''].join('\n'));
  });
});

describe('checkpoint lifecycle', () => {
  const windowed = `CREATE TABLE bids (id BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,10,2024-01-01 10:00:01; 2,20,2024-01-01 10:00:02 | 3,30,2024-01-01 10:00:12 | 4,40,2024-01-01 10:00:13'
);
CREATE TABLE sums (window_start TIMESTAMP(3), total BIGINT) WITH ('connector' = 'print');
INSERT INTO sums SELECT window_start, SUM(price) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;`;

  it('stop with drain fires every open window before its savepoint', async () => {
    const storage = new DirectoryCheckpointStorage(tempDir());
    const out = capture();
    gate.batches = 2;
    const a = startJob(compileJob(windowed, { connectors }), { connectors, stdout: out.stream, checkpointing: { storage, config: { intervalMs: 3_600_000 } } });
    expect(await parked(a)).toBe(true);
    expect(out.text()).toBe('+I[2024-01-01T10:00, 30]\n');
    const savepoint = await a.stop({ drain: true });
    expect(out.text()).toBe('+I[2024-01-01T10:00, 30]\n+I[2024-01-01T10:00:10, 30]\n');
    expect(savepoint).toMatchObject({ kind: 'SAVEPOINT', status: 'COMPLETED' });
  });

  it('keeps num-retained checkpoints, and a failed one leaves nothing and does not stop the job', async () => {
    const dir = tempDir();
    const real = new DirectoryCheckpointStorage(dir);
    let failNext = false;
    const storage: CheckpointStorage = {
      uri: real.uri,
      put: async (key, data, options) => {
        if (failNext && key.endsWith('_metadata')) throw new Error('disk full');
        await real.put(key, data, options);
      },
      get: (key) => real.get(key), list: (prefix) => real.list(prefix), deletePrefix: (prefix) => real.deletePrefix(prefix),
    };
    const results: CheckpointResult[] = [];
    gate.batches = 1;
    const a = startJob(compileJob(windowed, { connectors }), {
      connectors, stdout: capture().stream,
      checkpointing: { storage, config: { intervalMs: 3_600_000, numRetained: 2 }, onCheckpoint: (r) => results.push(r) },
    });
    expect(await parked(a)).toBe(true);
    for (let i = 0; i < 3; i++) await a.triggerCheckpoint();
    expect(readdirSync(dir).sort()).toEqual(['chk-2', 'chk-3']);
    failNext = true;
    await expect(a.triggerCheckpoint()).rejects.toThrow('disk full');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir).sort()).toEqual(['chk-2', 'chk-3']);
    failNext = false;
    gate.batches = Number.POSITIVE_INFINITY;
    expect((await a.done).outcome).toBe('finished');
    expect(results.map((r) => `${r.checkpointId}:${r.status}`)).toEqual(['1:COMPLETED', '2:COMPLETED', '3:COMPLETED', '1:DISCARDED', '4:FAILED', '5:COMPLETED', '2:DISCARDED']);
  });

  it('a fenced run fails without completing its checkpoint', async () => {
    const out = join(tempDir(), 'out');
    const storage = new DirectoryCheckpointStorage(tempDir());
    const sql = `${BIDS}
CREATE TABLE out_files (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
INSERT INTO out_files SELECT id FROM bids;`;
    gate.batches = 1;
    const a = startJob(compileJob(sql, { connectors }), {
      connectors,
      checkpointing: { storage, config: { intervalMs: 3_600_000 }, fence: () => Promise.reject(new Error('superseded by attempt 3')) },
    });
    expect(await parked(a)).toBe(true);
    await expect(a.triggerCheckpoint()).rejects.toThrow('superseded by attempt 3');
    await expect(a.done).rejects.toThrow('superseded by attempt 3');
    expect(await findLatestCheckpoint(storage)).toBeNull();
    expect(visibleRows(out)).toEqual([]);
  });

  it('an incremental checkpoint writes only the keys that changed', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `${i},${i},1`).join('; ');
    const sql = `CREATE TABLE bids (id BIGINT, auction BIGINT, price BIGINT) WITH ('connector' = 'values', 'data' = '${many} | 1,1,5 | 2,2,5');
CREATE TABLE counts (k BIGINT, n BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO counts SELECT auction, COUNT(*) FROM bids GROUP BY auction;`;
    const storage = new DirectoryCheckpointStorage(tempDir());
    gate.batches = 1;
    const a = startJob(compileJob(sql, { connectors }), { connectors, checkpointing: { storage, config: { intervalMs: 3_600_000, incremental: true } } });
    expect(await parked(a)).toBe(true);
    const full = await a.triggerCheckpoint();
    gate.batches = 2;
    expect(await parked(a)).toBe(true);
    const delta = await a.triggerCheckpoint();
    expect(full.incremental).toBe(false);
    expect(delta.incremental).toBe(true);
    expect(delta.incrementalSizeBytes as number).toBeLessThan((full.fullSizeBytes as number) / 10);
    expect(delta.fullSizeBytes as number).toBeGreaterThan(full.fullSizeBytes as number);
    await a.stop();
  });
});
