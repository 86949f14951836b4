import type { Checkpoint } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { byteAxis, byteAxisInterval, checkpointFreshness, checkpointSeries } from './checkpoint-series';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const checkpoint = (checkpointId: number, changes: Partial<Checkpoint> = {}): Checkpoint => ({
  id: `c${checkpointId}`,
  checkpointId,
  kind: 'CHECKPOINT',
  status: 'COMPLETED',
  triggeredAt: at(checkpointId),
  completedAt: at(checkpointId),
  durationMs: checkpointId * 10,
  fullSizeBytes: checkpointId * 1000,
  incrementalSizeBytes: 100,
  incremental: true,
  operators: [],
  location: null,
  error: null,
  runId: 'r',
  attempt: 1,
  ...changes,
});

describe('checkpointSeries', () => {
  it('orders the newest-first list oldest first, by trigger time', () => {
    const s = checkpointSeries([checkpoint(3), checkpoint(2), checkpoint(1)]);
    expect(s.durationMs).toEqual([
      [Date.parse(at(1)), 10],
      [Date.parse(at(2)), 20],
      [Date.parse(at(3)), 30],
    ]);
    expect(s.fullSizeBytes.map(([, v]) => v)).toEqual([1000, 2000, 3000]);
    expect(s.incrementalSizeBytes.map(([, v]) => v)).toEqual([100, 100, 100]);
    expect(s.incremental).toBe(true);
    expect(checkpointSeries([checkpoint(1, { incremental: false })]).incremental).toBe(false);
  });

  it('charts discarded checkpoints and savepoints, marks failed ones apart, and skips values not reported', () => {
    const s = checkpointSeries([
      checkpoint(4, { kind: 'SAVEPOINT', incrementalSizeBytes: null }),
      checkpoint(3, { status: 'FAILED', durationMs: null, fullSizeBytes: null, incrementalSizeBytes: null }),
      checkpoint(2, { status: 'DISCARDED' }),
    ]);
    expect(s.durationMs.map(([, v]) => v)).toEqual([20, 40]);
    expect(s.incrementalSizeBytes.map(([, v]) => v)).toEqual([100]);
    expect(s.failedAt).toEqual([Date.parse(at(3))]);
  });

  it('is empty for no checkpoints', () => {
    expect(checkpointSeries([])).toEqual({ durationMs: [], fullSizeBytes: [], incrementalSizeBytes: [], failedAt: [], incremental: false });
  });
});

describe('checkpointFreshness', () => {
  const on = { enabled: true, intervalMs: 1000 };
  it('is off when checkpointing is, none before the first, late past three intervals, idle when not running', () => {
    expect(checkpointFreshness(500, { enabled: false, intervalMs: 1000 }, true)).toBe('off');
    expect(checkpointFreshness(null, on, true)).toBe('none');
    expect(checkpointFreshness(3000, on, true)).toBe('fresh');
    expect(checkpointFreshness(3001, on, true)).toBe('late');
    expect(checkpointFreshness(60_000, on, false)).toBe('idle');
  });
});

describe('byteAxisInterval', () => {
  it('steps in whole binary units, at most five steps to the maximum', () => {
    expect(byteAxisInterval(10_000)).toBe(2048);
    expect(byteAxisInterval(8500)).toBe(2048);
    expect(byteAxisInterval(3000)).toBe(1024);
    expect(byteAxisInterval(900)).toBe(200);
    expect(byteAxisInterval(5 * 1024 ** 2)).toBe(1024 ** 2);
    expect(byteAxisInterval(300 * 1024 ** 2)).toBe(100 * 1024 ** 2);
    expect(byteAxisInterval(0)).toBe(1);
    expect(byteAxis(10_000)).toEqual({ interval: 2048, max: 10_240 });
    expect(byteAxis(8192)).toEqual({ interval: 2048, max: 8192 });
  });
});
