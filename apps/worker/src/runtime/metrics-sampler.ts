import type { MetricSample, VertexMetrics } from '@weir/contracts';
import type { VertexMetricsSnapshot } from '@weir/engine';

/** Turns the engine's cumulative counters into samples with per-second rates. */
export class MetricsSampler {
  private previous = new Map<string, { at: number; recordsIn: number; recordsOut: number }>();

  constructor(
    private readonly deploymentId: string,
    private readonly runId: string,
  ) {}

  /** A sample of `snapshot` taken at `now`; rates are over the time since the last sample. */
  sample(snapshot: readonly VertexMetricsSnapshot[], now: number): MetricSample {
    const vertices: VertexMetrics[] = snapshot.map((v) => {
      const before = this.previous.get(v.operatorId);
      const seconds = before ? (now - before.at) / 1000 : 0;
      const rate = (current: number, past: number | undefined) =>
        seconds > 0 && past !== undefined ? Math.max(0, (current - past) / seconds) : 0;
      this.previous.set(v.operatorId, { at: now, recordsIn: v.recordsIn, recordsOut: v.recordsOut });
      return {
        vertexId: v.vertexId,
        operatorId: v.operatorId,
        name: v.name,
        recordsIn: v.recordsIn,
        recordsOut: v.recordsOut,
        recordsInPerSecond: rate(v.recordsIn, before?.recordsIn),
        recordsOutPerSecond: rate(v.recordsOut, before?.recordsOut),
      };
    });
    return { deploymentId: this.deploymentId, runId: this.runId, ts: now, vertices };
  }
}
