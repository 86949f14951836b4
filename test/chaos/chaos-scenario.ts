import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckpointList, FailoverList } from '@weir/contracts';
import { compileJob, startJob } from '@weir/engine';
import { committedLines } from '../support/deployment-fixtures';
import type { TestPlatform } from '../support/test-platform';

/** What a chaos run measured. */
export interface ChaosReport {
  seed: number;
  kills: number;
  /** Per kill: from kill -9 to the next attempt RUNNING, as the API shows it. */
  recoveryMs: number[];
  failovers: FailoverList['items'];
  /** Rows in the sink's committed files vs an uninterrupted run of the same SQL. */
  rows: { expected: number; actual: number; missing: string[]; doubled: string[] };
}

/**
 * A keyed event-time window (1 s tumbling windows over ids 1..rows, 7 keys) into CSV part files:
 * the output is a function of the input alone, so any row lost or doubled by a failover shows.
 */
export function windowedJob(path: string, rows: number, rate: number): string {
  return `CREATE TABLE src (
  id BIGINT,
  k AS id % 7,
  ts AS TO_TIMESTAMP_LTZ(id * 10, 3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'datagen', 'rows-per-second' = '${rate}',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${rows}'
);
CREATE TABLE snk (window_start TIMESTAMP(3), k BIGINT, n BIGINT, total BIGINT) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'csv');
INSERT INTO snk
SELECT window_start, k, COUNT(*), SUM(id)
FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND))
GROUP BY window_start, window_end, k;
`;
}

/** The same job run in this process without interruption (and without pacing): the expected output. */
async function uninterruptedLines(rows: number): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'weir-chaos-expected-'));
  try {
    await startJob(compileJob(windowedJob(dir, rows, 100_000_000))).done;
    return await committedLines(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** mulberry32: the kill moments repeat for a seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Tracks since when each worker process has had its current pid, so a kill waits for a spare worker to be up. */
class WorkerUptime {
  private readonly since = new Map<string, { pid: number; at: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly platform: TestPlatform) {
    this.poll();
    this.timer = setInterval(() => this.poll(), 100);
  }

  /** Waits until every worker has run one pid for at least `ms` (booted and polling its queue). */
  async allUpFor(ms: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const workers = this.platform.stack.processes.filter((p) => p.name.startsWith('worker'));
      if (workers.every((w) => {
        const s = this.since.get(w.name);
        return s !== undefined && s.pid === w.pid() && Date.now() - s.at >= ms;
      })) return;
      await sleep(100);
    }
    throw new Error(`workers were not all up for ${ms} ms within ${timeoutMs} ms`);
  }

  close(): void {
    clearInterval(this.timer);
  }

  private poll(): void {
    for (const p of this.platform.stack.processes) {
      const pid = p.pid();
      if (pid !== undefined && this.since.get(p.name)?.pid !== pid) this.since.set(p.name, { pid, at: Date.now() });
    }
  }
}

/**
 * Deploys the windowed job with checkpoints every 500 ms and kill -9s the worker hosting it
 * `kills` times at random moments (each after the run is RUNNING, has completed a checkpoint
 * since it started, and a spare worker is up), then lets it finish and compares the committed
 * sink output with an uninterrupted run.
 */
export async function runChaos(platform: TestPlatform, options: { kills: number; seed?: number; log?: (line: string) => void }): Promise<ChaosReport> {
  const seed = options.seed ?? Date.now() % 1_000_000;
  const next = random(seed);
  const log = options.log ?? (() => undefined);
  const rate = 1000;
  // Enough input to outlast the kills (~7 s apart) with a few seconds to spare.
  const rows = rate * (options.kills * 7 + 5);
  const out = join(platform.dir, `chaos-${seed}`);
  const { id } = await platform.deploy(`chaos-${seed}`, windowedJob(out, rows, rate), {
    checkpointing: { intervalMs: 500 },
    restartStrategy: { kind: 'fixed-delay', attempts: options.kills + 5, delayMs: 0 },
  });
  const uptime = new WorkerUptime(platform);
  const recoveryMs: number[] = [];
  try {
    let running = await platform.waitFor(id, ['RUNNING'], 30_000);
    for (let kill = 1; kill <= options.kills; kill++) {
      await checkpointSince(platform, id, running.currentRun?.startedAt ?? new Date(0).toISOString(), 15_000);
      await uptime.allUpFor(3000, 30_000);
      await sleep(Math.floor(next() * 1500));
      const victim = platform.workerOf(running);
      const attempt = running.attempt;
      process.kill(victim.pid()!, 'SIGKILL');
      const killedAt = Date.now();
      running = await platform.waitFor(id, ['RUNNING'], 30_000, (d) => d.attempt > attempt);
      recoveryMs.push(Date.now() - killedAt);
      log(`kill ${kill}/${options.kills}: ${victim.name} → attempt ${running.attempt} RUNNING in ${recoveryMs.at(-1)} ms (restored checkpoint ${running.currentRun?.restoredCheckpointId ?? 'none'})`);
    }
    await platform.waitFor(id, ['FINISHED'], 120_000);
  } finally {
    uptime.close();
  }
  const failovers = (await platform.api<FailoverList>('GET', `/deployments/${id}/failovers`)).body.items;
  const [expected, actual] = await Promise.all([uninterruptedLines(rows), committedLines(out)]);
  return { seed, kills: options.kills, recoveryMs, failovers, rows: { expected: expected.length, actual: actual.length, ...difference(expected, actual) } };
}

async function checkpointSince(platform: TestPlatform, id: string, since: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const list = (await platform.api<CheckpointList>('GET', `/deployments/${id}/checkpoints?limit=5`)).body.items;
    if (list.some((c) => c.status === 'COMPLETED' && c.completedAt !== null && c.completedAt >= since)) return;
    await sleep(100);
  }
  throw new Error(`deployment ${id} completed no checkpoint since ${since} within ${timeoutMs} ms`);
}

/** Lines of `expected` absent from `actual`, and lines `actual` holds more often than `expected` (both sorted). */
function difference(expected: string[], actual: string[]): { missing: string[]; doubled: string[] } {
  const counts = new Map<string, number>();
  for (const line of expected) counts.set(line, (counts.get(line) ?? 0) + 1);
  const doubled: string[] = [];
  for (const line of actual) {
    const left = counts.get(line) ?? 0;
    if (left === 0) doubled.push(line);
    else counts.set(line, left - 1);
  }
  const missing = [...counts].flatMap(([line, n]) => Array<string>(n).fill(line));
  return { missing, doubled };
}

/** Median and worst of a list of durations. */
export function summary(values: number[]): { median: number; worst: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 0 ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[mid]!;
  return { median, worst: sorted.at(-1)! };
}
