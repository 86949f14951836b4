/**
 * Nexmark bench: each query over N events (default 10 M) in its own process at parallelism 1,
 * the engine beside the hand-written oracle loop over the same events.
 *   npm run bench -- [--events 1000000] [--query q0,q1] [--no-verify] [--tps 10000000]
 * The throughput table runs at Nexmark V1's rate (10 M events per second of event time, so 10 M
 * events span one second and windows of 10 s cannot fire before the end). The memory check runs
 * q5, q7, q8 and q11 again at Nexmark V2's rate (100 k/s: 100 s of event time), where windows fire
 * as the run goes, and compares resident memory after all events with that after a fifth.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatMemorySummary, formatResultRow, formatSummary, TABLE_HEADER, type MemoryTarget, type QueryTarget } from './bench-report';
import { nexmarkQueriesAvailable, NEXMARK_QUERY_DIR, V1_TPS, V2_TPS } from './nexmark-sql';
import type { QueryBenchResult } from './query-bench';

/**
 * Engine I targets: stateless queries need 1 M events/s and half the loop's speed; stateful ones
 * 250 k. Engine II: the join-heavy q3, q8, q13 500 k; the join/rank/window ones 150 k.
 */
const TARGETS: QueryTarget[] = [
  ...['q0', 'q1', 'q2', 'q14', 'q21', 'q22'].map((query) => ({ query, minEventsPerSecond: 1_000_000, minRatio: 0.5 })),
  ...['q11', 'q12', 'q15', 'q16', 'q17'].map((query) => ({ query, minEventsPerSecond: 250_000, minRatio: 0 })),
  ...['q3', 'q8', 'q13'].map((query) => ({ query, minEventsPerSecond: 500_000, minRatio: 0 })),
  ...['q4', 'q5', 'q7', 'q9', 'q18', 'q19', 'q20'].map((query) => ({ query, minEventsPerSecond: 150_000, minRatio: 0 })),
];
/** Queries whose state is cleaned as windows fire: memory after all events stays within 1.5x of that after a fifth. */
const MEMORY_TARGETS: MemoryTarget[] = ['q5', 'q7', 'q8', 'q11'].map((query) => ({ query, maxGrowth: 1.5 }));
/** Every Nexmark query but q6, which Flink does not run either. */
const DEFAULT_QUERIES = Array.from({ length: 24 }, (_, i) => `q${i}`).filter((q) => q !== 'q6');

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

const events = Number(argument('--events') ?? 10_000_000);
const queries = argument('--query')?.split(',').map((q) => q.trim()).filter(Boolean) ?? DEFAULT_QUERIES;
const verify = !process.argv.includes('--no-verify');
const tps = Number(argument('--tps') ?? V1_TPS);
if (!Number.isSafeInteger(events) || events <= 0) throw new Error(`--events must be a positive integer, got '${argument('--events')}'`);
if (!Number.isSafeInteger(tps) || tps <= 0) throw new Error(`--tps must be a positive integer, got '${argument('--tps')}'`);
if (!nexmarkQueriesAvailable()) throw new Error(`Nexmark query files not found in ${NEXMARK_QUERY_DIR}`);

const child = fileURLToPath(new URL('./run-query.ts', import.meta.url));
/** Heap limit of each query's process, MB. */
const HEAP_MB = 12_288;

/** Runs one query in its own process at `rate` events per second of event time. */
function runQuery(query: string, rate: number): QueryBenchResult {
  // execArgv carries tsx's loader, so the child runs TypeScript like this process does; the memory
  // probe collects garbage before it reads resident memory. State lives on the heap, and the
  // unbounded joins of q4, q9, q20 and q23 keep millions of rows: V8's default 4 GB limit is too small.
  const args = [...process.execArgv, '--expose-gc', `--max-old-space-size=${HEAP_MB}`, child, query, String(events), verify ? '' : '--no-verify', String(rate)];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as QueryBenchResult;
  } catch {
    const reason = (run.stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`).trim();
    return { query, events, rejected: `crashed: ${reason}`, equal: null, peakRssMb: 0 };
  }
}

/** Runs `list` at `rate`, printing the table as rows arrive. */
function runTable(list: string[], rate: number): QueryBenchResult[] {
  console.log(`Nexmark over ${events.toLocaleString('en-US')} events at ${rate.toLocaleString('en-US')} events/s of event time, parallelism 1, one process per query (node ${process.version})`);
  console.log(TABLE_HEADER);
  return list.map((query) => {
    const result = runQuery(query, rate);
    console.log(formatResultRow(result));
    return result;
  });
}

const results = runTable(queries, tps);
console.log(formatSummary(results, TARGETS));
const memoryQueries = MEMORY_TARGETS.map((t) => t.query).filter((q) => queries.includes(q));
if (memoryQueries.length > 0) {
  console.log('');
  console.log(formatMemorySummary(runTable(memoryQueries, V2_TPS), MEMORY_TARGETS));
}
