/**
 * Nexmark bench: each query over N events (default 10 M) in its own process at parallelism 1,
 * the engine beside the hand-written oracle loop over the same events.
 *   npm run bench -- [--events 1000000] [--query q0,q1] [--no-verify]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatMemorySummary, formatResultRow, formatSummary, TABLE_HEADER, type MemoryTarget, type QueryTarget } from './bench-report';
import { nexmarkQueriesAvailable, NEXMARK_QUERY_DIR } from './nexmark-sql';
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
if (!Number.isSafeInteger(events) || events <= 0) throw new Error(`--events must be a positive integer, got '${argument('--events')}'`);
if (!nexmarkQueriesAvailable()) throw new Error(`Nexmark query files not found in ${NEXMARK_QUERY_DIR}`);

const child = fileURLToPath(new URL('./run-query.ts', import.meta.url));
console.log(`Nexmark over ${events.toLocaleString('en-US')} events, parallelism 1, one process per query (node ${process.version})`);
console.log(TABLE_HEADER);
const results: QueryBenchResult[] = [];
for (const query of queries) {
  // execArgv carries tsx's loader, so the child runs TypeScript like this process does; the memory
  // probe collects garbage before it reads resident memory.
  const run = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', child, query, String(events), verify ? '' : '--no-verify'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  let result: QueryBenchResult;
  try {
    result = JSON.parse(line) as QueryBenchResult;
  } catch {
    const reason = (run.stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`).trim();
    result = { query, events, rejected: `crashed: ${reason}`, equal: null, peakRssMb: 0 };
  }
  results.push(result);
  console.log(formatResultRow(result));
}
console.log(formatSummary(results, TARGETS));
console.log(formatMemorySummary(results, MEMORY_TARGETS));
