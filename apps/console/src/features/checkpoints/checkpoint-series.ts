import type { Checkpoint, CheckpointSettings } from '@weir/contracts';

export type Point = [timeMs: number, value: number];

/** What the CheckPoints tab charts: duration and size of each snapshot written, oldest first. */
export interface CheckpointSeries {
  durationMs: Point[];
  fullSizeBytes: Point[];
  incrementalSizeBytes: Point[];
  /** Failed checkpoints, at their trigger time, so the duration chart can mark them. */
  failedAt: number[];
  /** Some charted checkpoint wrote only its changes; else the written size is the full size. */
  incremental: boolean;
}

/**
 * Charts the snapshots that were written (completed ones, and completed ones since discarded by
 * retention), at their trigger time; the API lists newest first. A value the engine did not
 * report is left out of its series rather than drawn as zero.
 */
export function checkpointSeries(items: readonly Checkpoint[]): CheckpointSeries {
  const series: CheckpointSeries = { durationMs: [], fullSizeBytes: [], incrementalSizeBytes: [], failedAt: [], incremental: false };
  const oldestFirst = [...items].sort((a, b) => Date.parse(a.triggeredAt) - Date.parse(b.triggeredAt) || a.checkpointId - b.checkpointId);
  for (const c of oldestFirst) {
    const t = Date.parse(c.triggeredAt);
    if (c.status === 'FAILED') {
      series.failedAt.push(t);
      continue;
    }
    if (c.incremental) series.incremental = true;
    if (c.durationMs !== null) series.durationMs.push([t, c.durationMs]);
    if (c.fullSizeBytes !== null) series.fullSizeBytes.push([t, c.fullSizeBytes]);
    if (c.incrementalSizeBytes !== null) series.incrementalSizeBytes.push([t, c.incrementalSizeBytes]);
  }
  return series;
}

export type CheckpointFreshness = 'off' | 'idle' | 'none' | 'fresh' | 'late';

/**
 * How the newest completed checkpoint's age compares with the interval in force: late once it is
 * older than three intervals (a checkpoint or two may fail or take long without alarm); idle when
 * the deployment does not run, since then no checkpoint is due.
 */
export function checkpointFreshness(lastCheckpointAgeMs: number | null, settings: Pick<CheckpointSettings, 'enabled' | 'intervalMs'>, running: boolean): CheckpointFreshness {
  if (!settings.enabled || settings.intervalMs === 0) return 'off';
  if (!running) return 'idle';
  if (lastCheckpointAgeMs === null) return 'none';
  return lastCheckpointAgeMs > 3 * settings.intervalMs ? 'late' : 'fresh';
}

const KIB = 1024;
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/**
 * A y-axis for byte values in steps of whole binary units (256 KB, 1 MB, 2 MB …), so it reads
 * "2 KB, 4 KB" rather than ECharts' decimal "1.9 KB, 3.9 KB", and ends on a step.
 */
export function byteAxis(maxBytes: number): { interval: number; max: number } {
  const interval = byteAxisInterval(maxBytes);
  return { interval, max: Math.max(interval, Math.ceil(maxBytes / interval) * interval) };
}

/** The step of `byteAxis`: at most about five steps to `maxBytes`. */
export function byteAxisInterval(maxBytes: number): number {
  if (maxBytes <= 0) return 1;
  let unit = 1;
  while (maxBytes / unit >= KIB && unit < KIB ** 4) unit *= KIB;
  const quarter = [0.25, 0.5, ...STEPS].map((s) => s * unit).filter((s) => s >= 1);
  return quarter.find((step) => maxBytes / step <= 5) ?? quarter[quarter.length - 1]!;
}
