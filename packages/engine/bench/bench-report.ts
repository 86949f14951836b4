import type { QueryBenchResult } from './query-bench';

/** What a query must reach: events/s and the engine/loop ratio (0: no ratio target). */
export interface QueryTarget {
  query: string;
  minEventsPerSecond: number;
  minRatio: number;
}

/** A bound on memory growth: resident memory after all events over that after a fifth of them. */
export interface MemoryTarget {
  query: string;
  maxGrowth: number;
}

const COLUMNS = ['query', 'events', 'engine ev/s', 'loop ev/s', 'ratio', 'equal', 'peak RSS MB', 'RSS@1/5 MB', 'RSS@end MB'] as const;
const WIDTHS = [5, 11, 12, 12, 6, 6, 11, 10, 10];

function row(cells: string[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[i]) : cell.padStart(WIDTHS[i]))).join(' | ');
}

/** The table's header line and rule. */
export const TABLE_HEADER = `${row([...COLUMNS])}\n${WIDTHS.map((w) => '-'.repeat(w)).join('-|-')}`;

function rate(value: number | undefined): string {
  return value === undefined ? '-' : Math.round(value).toLocaleString('en-US');
}

/** One table line; a rejected query shows its first diagnostic after the row. */
export function formatResultRow(r: QueryBenchResult): string {
  const ratio = r.engineEventsPerSecond !== undefined && r.loopEventsPerSecond ? (r.engineEventsPerSecond / r.loopEventsPerSecond).toFixed(2) : '-';
  const equal = r.equal === null ? '-' : r.equal ? 'EQUAL' : 'DIFF';
  const mb = (value: number | undefined): string => (value === undefined ? '-' : value.toFixed(0));
  const line = row([
    r.query, r.events.toLocaleString('en-US'), rate(r.engineEventsPerSecond), rate(r.loopEventsPerSecond), ratio, equal,
    r.peakRssMb.toFixed(0), mb(r.memory?.earlyRssMb), mb(r.memory?.endRssMb),
  ]);
  if (r.rejected) return `${line}   not supported yet: ${r.rejected}`;
  if (r.equal === false) return `${line}   engine ${r.engineDigest} vs loop ${r.loopDigest}`;
  return line;
}

/** Why a query misses its target, or null when it meets it. */
function miss(r: QueryBenchResult | undefined, target: QueryTarget): string | null {
  if (!r) return null;
  if (r.rejected) return 'not supported';
  const reasons: string[] = [];
  const speed = r.engineEventsPerSecond ?? 0;
  if (speed < target.minEventsPerSecond) reasons.push(`${rate(speed)} < ${rate(target.minEventsPerSecond)} ev/s`);
  if (target.minRatio > 0 && r.loopEventsPerSecond && speed / r.loopEventsPerSecond < target.minRatio) reasons.push(`ratio < ${target.minRatio}`);
  if (r.equal === false) reasons.push('output differs');
  return reasons.length > 0 ? reasons.join(', ') : null;
}

/** The summary line: targets met and, for each miss, why. */
export function formatSummary(results: QueryBenchResult[], targets: QueryTarget[]): string {
  const byQuery = new Map(results.map((r) => [r.query, r]));
  const judged = targets.filter((t) => byQuery.has(t.query));
  const misses = judged.map((t) => [t.query, miss(byQuery.get(t.query), t)] as const).filter(([, reason]) => reason !== null);
  const unequal = results.filter((r) => r.equal === false).map((r) => r.query);
  const missed = misses.length === 0 ? 'none' : misses.map(([q, reason]) => `${q} (${reason})`).join('; ');
  const extra = unequal.length > 0 ? `; outputs differ: ${unequal.join(', ')}` : '';
  return `targets met: ${judged.length - misses.length}/${judged.length}; missed: ${missed}${extra}`;
}

/** The memory line: for each bounded query, resident memory growth from a fifth of the events to all of them. */
export function formatMemorySummary(results: QueryBenchResult[], targets: MemoryTarget[]): string {
  const byQuery = new Map(results.map((r) => [r.query, r]));
  const judged = targets.filter((t) => byQuery.get(t.query)?.memory?.endRssMb !== undefined);
  if (judged.length === 0) return 'memory growth: no bounded query ran';
  const parts = judged.map((t) => {
    const { earlyRssMb = 0, endRssMb = 0 } = byQuery.get(t.query)?.memory ?? {};
    const growth = earlyRssMb > 0 ? endRssMb / earlyRssMb : Infinity;
    return { query: t.query, ok: growth <= t.maxGrowth, text: `${t.query} ${growth.toFixed(2)}x` };
  });
  const met = parts.filter((p) => p.ok).length;
  const missed = parts.filter((p) => !p.ok).map((p) => p.query);
  return `memory growth (RSS@end / RSS@1/5, at most ${judged[0].maxGrowth}x): ${parts.map((p) => p.text).join(', ')}; met ${met}/${judged.length}${missed.length > 0 ? `; missed: ${missed.join(', ')}` : ''}`;
}
