import { describe, expect, it, onTestFinished } from 'vitest';
import { builtinConnectors } from '../src/connectors/connector-registry';
import { ChangelogDigest } from './changelog-digest';
import { benchFunctions, compileForBench, runJob } from './engine-run';
import { createNexmarkDirs, nexmarkQueriesAvailable, nexmarkSql, removeNexmarkDirs } from './nexmark-sql';
import { observedSinkConnectors } from './observed-sink-connectors';
import { NEXMARK_ORACLES } from './oracles';
import { benchConfig } from './query-bench';
import { TimedDigest } from './timed-digest';
import { clockedSourceConnectors, SourceRowClock } from './source-row-clock';

const EVENTS = 50_000;
/** Every Nexmark query but q6 (which Flink does not run either). */
const QUERIES = Array.from({ length: 24 }, (_, i) => `q${i}`).filter((q) => q !== 'q6');
/**
 * The windowed queries again at 1,000 events per second of event time: 50,000 events then span
 * 50 s, so windows, interval joins and sessions fire and expire state in the middle of the run
 * (at Nexmark's 10 M/s they span 5 ms and everything fires at the end of input).
 */
const SLOW_EVENT_TIME = ['q5', 'q7', 'q8', 'q11', 'q15', 'q16', 'q17', 'q18', 'q19'];
const CASES: [string, number][] = [...QUERIES.map((q): [string, number] => [q, 10_000_000]), ...SLOW_EVENT_TIME.map((q): [string, number] => [q, 1_000])];

/**
 * The real correctness test of the engine: each query's text, unchanged, through the engine over
 * 50,000 events, its sink's changelog digested and compared with the hand-written oracle loop's.
 */
describe.skipIf(!nexmarkQueriesAvailable())('Nexmark queries through the engine equal their oracles', () => {
  it.each(CASES)('%s at %i events/s of event time', async (query, tps) => {
    const oracle = NEXMARK_ORACLES.find((o) => o.query === query);
    if (!oracle) throw new Error(`no oracle for ${query}`);
    const functions = await benchFunctions();
    const dirs = createNexmarkDirs();
    onTestFinished(() => removeNexmarkDirs(dirs));
    const sql = nexmarkSql(query, EVENTS, dirs, tps);
    const plain = compileForBench(sql, builtinConnectors(), functions);
    // q14 needs the CountChar UDF; until its module exists the engine must say why it rejects q14.
    if (query === 'q14' && 'rejected' in plain && Object.keys(functions).length === 0) {
      expect(plain.rejected).toMatch(/CountChar|count_char/);
      return;
    }
    const engineDigest = new ChangelogDigest(oracle.columns);
    const observer = new TimedDigest(engineDigest);
    // q12 aggregates on processing time: both sides read it from the source rows (bench/source-row-clock.ts).
    const clock = oracle.processingTime ? new SourceRowClock() : undefined;
    const connectors = clock ? clockedSourceConnectors(observedSinkConnectors(observer), clock) : observedSinkConnectors(observer);
    const compiled = compileForBench(sql, connectors, functions);
    if ('rejected' in compiled) throw new Error(`engine rejected ${query}: ${compiled.rejected}`);
    await runJob(compiled.job, connectors, clock);
    observer.flush();
    const oracleDigest = new ChangelogDigest(oracle.columns);
    oracle.run(benchConfig(EVENTS, tps), oracleDigest);
    expect(oracleDigest.summary().finalRowCount).toBeGreaterThan(0);
    // The final result must be equal; how many changes led to it may differ (an upsert sink sees no -U).
    const { rowsEmitted: _engineChanges, ...engine } = engineDigest.summary();
    const { rowsEmitted: _oracleChanges, ...expected } = oracleDigest.summary();
    expect(engine).toEqual(expected);
  });
});
