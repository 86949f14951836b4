import { MetricSample, type MetricSample as Sample } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import type { StreamEntry } from '../streams/group-consumer';

/** Raw per-vertex samples in Postgres: written by the ingester, read back as MetricSamples. */
export class MetricStore {
  constructor(private readonly db: PrismaClient) {}

  /** Handler for the metrics stream's consumer group: one row per vertex per sample. */
  ingest = async (entries: StreamEntry[]): Promise<void> => {
    const rows = entries.flatMap((entry) => {
      const parsed = MetricSample.safeParse(parseJson(entry.data));
      if (!parsed.success) return [];
      const s = parsed.data;
      return s.vertices.map((v) => ({
        deploymentId: s.deploymentId,
        runId: s.runId,
        vertexId: v.vertexId,
        operatorId: v.operatorId,
        vertexName: v.name,
        ts: new Date(s.ts),
        recordsIn: v.recordsIn,
        recordsOut: v.recordsOut,
        recordsInPerSecond: v.recordsInPerSecond,
        recordsOutPerSecond: v.recordsOutPerSecond,
      }));
    });
    if (rows.length === 0) return;
    const known = await this.db.deployment.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.deploymentId))] } },
      select: { id: true },
    });
    const ids = new Set(known.map((k) => k.id));
    await this.db.metricSample.createMany({ data: rows.filter((r) => ids.has(r.deploymentId)) });
  };

  /** The most recent samples of a deployment, oldest first. */
  async recent(deploymentId: string, limit: number): Promise<Sample[]> {
    const rows = await this.db.metricSample.findMany({
      where: { deploymentId, resolution: 'RAW' },
      orderBy: { ts: 'desc' },
      take: limit * 16,
    });
    const bySample = new Map<string, Sample>();
    for (const row of rows) {
      const key = `${row.runId}@${row.ts.getTime()}`;
      let sample = bySample.get(key);
      if (!sample) {
        if (bySample.size === limit) break;
        sample = { deploymentId, runId: row.runId ?? '', ts: row.ts.getTime(), vertices: [] };
        bySample.set(key, sample);
      }
      sample.vertices.push({
        vertexId: row.vertexId,
        operatorId: row.operatorId,
        name: row.vertexName,
        recordsIn: row.recordsIn,
        recordsOut: row.recordsOut,
        recordsInPerSecond: row.recordsInPerSecond,
        recordsOutPerSecond: row.recordsOutPerSecond,
      });
    }
    return [...bySample.values()].sort((a, b) => a.ts - b.ts);
  }

  /** Deletes raw samples older than the retention. */
  async prune(retentionMs: number): Promise<number> {
    const { count } = await this.db.metricSample.deleteMany({
      where: { resolution: 'RAW', ts: { lt: new Date(Date.now() - retentionMs) } },
    });
    return count;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
