/**
 * Checkpoint bench: q5, q7, q8 and q20 over N events at Nexmark V2's rate (windows fire as the run
 * goes), each run three times in this process: without checkpoints (the baseline), with full
 * checkpoints every interval, and with incremental ones. Prints throughput and its ratio to the
 * baseline (after an unreported warm-up run), and per mode the checkpoints taken, their median and worst duration and their sizes.
 *   npm run bench:checkpoint -w @weir/engine -- [--events 3000000] [--interval-ms 10000] [--query q5,q7]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinConnectors } from '../src/connectors/connector-registry';
import { compileJob, DirectoryCheckpointStorage, startJob, type CheckpointResult, type CompiledJob } from '../src/index';
import { createNexmarkDirs, nexmarkQueriesAvailable, nexmarkSql, removeNexmarkDirs, V2_TPS } from './nexmark-sql';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

const events = Number(argument('--events') ?? 3_000_000);
const intervalMs = Number(argument('--interval-ms') ?? 10_000);
const queries = argument('--query')?.split(',').map((q) => q.trim()).filter(Boolean) ?? ['q5', 'q7', 'q8', 'q20'];
if (!Number.isSafeInteger(events) || events <= 0) throw new Error(`--events must be a positive integer, got '${argument('--events')}'`);
if (!Number.isSafeInteger(intervalMs) || intervalMs <= 0) throw new Error(`--interval-ms must be a positive integer, got '${argument('--interval-ms')}'`);
if (!nexmarkQueriesAvailable()) throw new Error('Nexmark query files not found');

type Mode = 'off' | 'full' | 'incremental';

interface ModeResult {
  mode: Mode;
  seconds: number;
  checkpoints: CheckpointResult[];
}

async function runMode(job: CompiledJob, mode: Mode): Promise<ModeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'weir-ckpt-bench-'));
  const checkpoints: CheckpointResult[] = [];
  const connectors = builtinConnectors();
  const start = process.hrtime.bigint();
  const handle = startJob(job, {
    connectors,
    ...(mode === 'off' ? {} : {
      checkpointing: {
        storage: new DirectoryCheckpointStorage(dir),
        config: { intervalMs, incremental: mode === 'incremental' },
        onCheckpoint: (result) => {
          if (result.status === 'COMPLETED') checkpoints.push(result);
        },
      },
    }),
  });
  await handle.done;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rmSync(dir, { recursive: true, force: true });
  return { mode, seconds, checkpoints };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

console.log(`Checkpoint bench: ${events.toLocaleString('en-US')} events at ${V2_TPS.toLocaleString('en-US')} events/s of event time, checkpoint every ${intervalMs} ms, parallelism 1 (node ${process.version})`);
console.log('query | mode        | events/s   | vs off | checkpoints | median ms | max ms | mean written MB | mean full MB');
const dirs = createNexmarkDirs();
try {
  for (const query of queries) {
    // The final checkpoint at the end of input is taken in every checkpointing mode; the timed part is the whole run.
    const job = compileJob(nexmarkSql(query, events, dirs, V2_TPS), { connectors: builtinConnectors() });
    // A first run unreported, so the JIT is warm for all three measured ones.
    await runMode(job, 'off');
    const results: ModeResult[] = [];
    for (const mode of ['off', 'full', 'incremental'] as Mode[]) results.push(await runMode(job, mode));
    const baseline = results[0].seconds;
    for (const r of results) {
      const durations = r.checkpoints.map((c) => c.durationMs ?? 0);
      const written = r.checkpoints.map((c) => c.incrementalSizeBytes ?? 0);
      const full = r.checkpoints.map((c) => c.fullSizeBytes ?? 0);
      const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
      console.log([
        query.padEnd(5), r.mode.padEnd(11), Math.round(events / r.seconds).toLocaleString('en-US').padStart(10),
        (baseline / r.seconds).toFixed(2).padStart(6), String(r.checkpoints.length).padStart(11),
        String(Math.round(median(durations))).padStart(9), String(Math.round(Math.max(0, ...durations))).padStart(6),
        mb(mean(written)).padStart(15), mb(mean(full)).padStart(12),
      ].join(' | '));
    }
  }
} finally {
  removeNexmarkDirs(dirs);
}
