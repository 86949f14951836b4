import { startTestPlatform } from '../support/test-platform';
import { runChaos, summary } from './chaos-scenario';

/*
 * `npm run chaos [-- KILLS [SEED]]`: kill -9s the worker hosting a windowed job KILLS times
 * (default 20) at random moments and prints the recovery times, the failover list and whether
 * the sink output equals an uninterrupted run's. Exits 1 when any recovery took over 5 s, a
 * failover is missing, or a row is missing or doubled.
 */
const kills = Number(process.argv[2] ?? 20);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const platform = await startTestPlatform('chaos', { workers: 2 });
let failed: boolean;
try {
  const report = await runChaos(platform, { kills, ...(seed === undefined ? {} : { seed }), log: (line) => console.log(line) });
  const { median, worst } = summary(report.recoveryMs);
  const downtimes = report.failovers.map((f) => f.downtimeMs ?? Infinity);
  const causes = [...new Set(report.failovers.map((f) => f.cause))].join(', ');
  console.log(`seed ${report.seed}: ${report.kills} kills`);
  console.log(`kill -9 → RUNNING: median ${median} ms, worst ${worst} ms (all: ${report.recoveryMs.join(' ')})`);
  console.log(`failovers recorded: ${report.failovers.length} (causes: ${causes}); downtime median ${summary(downtimes).median} ms, worst ${summary(downtimes).worst} ms`);
  console.log(`sink rows: ${report.rows.actual} committed, ${report.rows.expected} in an uninterrupted run; missing ${report.rows.missing.length}, doubled ${report.rows.doubled.length}`);
  failed = worst > 5000 || report.failovers.length !== kills || report.rows.missing.length > 0 || report.rows.doubled.length > 0;
  console.log(failed ? 'CHAOS FAILED' : 'chaos passed: every failover within 5 s, output exactly once');
} finally {
  await platform.stop();
}
process.exit(failed ? 1 : 0);
