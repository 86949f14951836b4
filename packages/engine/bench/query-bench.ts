import { builtinConnectors, type ConnectorRegistry } from '../src/connectors/connector-registry';
import { parseNexmarkOptions, type NexmarkConfig } from '../src/connectors/nexmark';
import { ChangelogDigest } from './changelog-digest';
import { benchFunctions, compileForBench, runJob } from './engine-run';
import { createNexmarkDirs, nexmarkSql, removeNexmarkDirs, V1_TPS } from './nexmark-sql';
import { observedSinkConnectors } from './observed-sink-connectors';
import { TimedDigest } from './timed-digest';
import { NEXMARK_ORACLES, type ChangelogSink, type NexmarkOracle } from './oracles';
import { clockedSourceConnectors, SourceRowClock } from './source-row-clock';
import { MemoryProbe, probedSourceConnectors, type MemorySamples } from './memory-probe';

/** One query's measurements; rates are events per second of wall time. */
export interface QueryBenchResult {
  query: string;
  events: number;
  /** Why the engine did not run the query (its first diagnostic), when it did not. */
  rejected?: string;
  engineEventsPerSecond?: number;
  engineRows?: number;
  loopEventsPerSecond?: number;
  loopRows?: number;
  /** Same final result (digest), or null when it was not compared. */
  equal: boolean | null;
  engineDigest?: string;
  loopDigest?: string;
  /** Peak resident set size of the process after the engine's timed run, MB. */
  peakRssMb: number;
  /** Resident memory after a fifth of the events and after all of them (engine run). */
  memory?: MemorySamples;
}

/** The generator options the DDL sets, as the oracle loops read them. */
export function benchConfig(events: number, tps = V1_TPS): NexmarkConfig {
  return parseNexmarkOptions({
    'first-event.rate': String(tps), 'next-event.rate': String(tps), 'events.num': String(events),
    'person.proportion': '1', 'auction.proportion': '3', 'bid.proportion': '46',
  });
}

class CountingSink implements ChangelogSink {
  rows = 0;

  emit(): void {
    this.rows++;
  }
}

/** A digest of the final result, and its key (row count and digest) for the report. */
function comparisonSink(oracle: NexmarkOracle): { sink: ChangelogSink; key: () => string } {
  const digest = new ChangelogDigest(oracle.columns, { materialize: false });
  return { sink: digest, key: () => { const s = digest.summary(); return `${s.finalRowCount}:${s.digest}`; } };
}

/** The connectors of one engine run; a processing-time query's sources drive a fresh `SourceRowClock`. */
function runConnectors(connectors: ConnectorRegistry, oracle: NexmarkOracle | undefined): { connectors: ConnectorRegistry; clock?: SourceRowClock } {
  if (!oracle?.processingTime) return { connectors };
  const clock = new SourceRowClock();
  return { connectors: clockedSourceConnectors(connectors, clock), clock };
}

function oracleOf(query: string): NexmarkOracle | undefined {
  return NEXMARK_ORACLES.find((o) => o.query === query);
}

/** Events of the warm-up runs before the measured ones. */
function warmupEvents(events: number): number {
  return Math.min(1_000_000, Math.ceil(events / 10));
}

/**
 * Warms both sides up as the Nexmark runner does before it measures: the generator's tables are
 * built and the shared generator code is optimized before either timed run, so neither side pays
 * for it (otherwise the side that runs first does).
 */
async function warmUp(query: string, events: number, tps: number, oracle: NexmarkOracle | undefined, functions: Record<string, unknown>): Promise<number> {
  const counter = new MemoryProbe(Infinity);
  const { connectors, clock } = runConnectors(probedSourceConnectors(builtinConnectors(), counter), oracle);
  const dirs = createNexmarkDirs();
  const compiled = compileForBench(nexmarkSql(query, events, dirs, tps), connectors, functions);
  if ('job' in compiled) await runJob(compiled.job, connectors, clock);
  removeNexmarkDirs(dirs);
  oracle?.run(benchConfig(events, tps), new CountingSink());
  return counter.rows;
}

/**
 * Runs `query` over `events` Nexmark events (at `tps` events per second of event time) in this process, after a warm-up of both sides: the
 * engine into blackhole, then the oracle loop. With `verify`, both outputs also go into digests, batch by batch, and the time
 * spent digesting is taken out of each side's wall time, so the rates stay the engine's and the
 * loop's own while one run per side suffices.
 */
export async function benchQuery(query: string, events: number, verify = true, tps = V1_TPS): Promise<QueryBenchResult> {
  const dirs = createNexmarkDirs();
  try {
    return await measure(query, nexmarkSql(query, events, dirs, tps), events, verify, tps);
  } finally {
    removeNexmarkDirs(dirs);
  }
}

async function measure(query: string, sql: string, events: number, verify: boolean, tps: number): Promise<QueryBenchResult> {
  const functions = await benchFunctions();
  const oracle = oracleOf(query);
  const result: QueryBenchResult = { query, events, equal: null, peakRssMb: 0 };
  const warmup = warmupEvents(events);
  const warmupRows = await warmUp(query, warmup, tps, oracle, functions);
  const engineSide = oracle && verify ? comparisonSink(oracle) : undefined;
  const engineDigest = new TimedDigest(engineSide?.sink ?? new CountingSink());
  // Sources emit a fixed share of the events (a pushed-down event_type filter keeps e.g. 46 of 50),
  // so the warm-up's rows per event tell which row is the fifth of the events.
  const probe = new MemoryProbe(Math.max(1, Math.round((warmupRows / warmup) * (events / 5))));
  const observed = verify ? observedSinkConnectors(engineDigest) : builtinConnectors();
  const { connectors, clock } = runConnectors(probedSourceConnectors(observed, probe), oracle);
  const compiled = compileForBench(sql, connectors, functions);
  if ('rejected' in compiled) result.rejected = compiled.rejected;
  else {
    const run = await runJob(compiled.job, connectors, clock);
    result.engineEventsPerSecond = events / (run.seconds - engineDigest.seconds - probe.seconds);
    result.engineRows = run.sinkRows;
    result.memory = probe.samples;
  }
  result.peakRssMb = process.resourceUsage().maxRSS / 1024;
  if (!oracle) return result;
  const loopSide = comparisonSink(oracle);
  const loopDigest = verify ? new TimedDigest(loopSide.sink) : undefined;
  const counter = new CountingSink();
  const start = process.hrtime.bigint();
  oracle.run(benchConfig(events, tps), loopDigest ?? counter);
  loopDigest?.flush();
  const loopSeconds = Number(process.hrtime.bigint() - start) / 1e9 - (loopDigest?.seconds ?? 0);
  result.loopEventsPerSecond = events / loopSeconds;
  result.loopRows = loopDigest?.rows ?? counter.rows;
  if (engineSide && result.engineRows !== undefined) {
    result.engineDigest = engineSide.key();
    result.loopDigest = loopSide.key();
    result.equal = result.engineDigest === result.loopDigest;
  }
  return result;
}
