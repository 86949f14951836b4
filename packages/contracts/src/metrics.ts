import { z } from 'zod';

/**
 * Counters of one operator of a running job, sampled once a second by the worker. Chained
 * operators share a vertex (`vertexId`), as in Flink's job graph.
 */
export const VertexMetrics = z.object({
  vertexId: z.string(),
  operatorId: z.string(),
  name: z.string(),
  recordsIn: z.number().min(0),
  recordsOut: z.number().min(0),
  recordsInPerSecond: z.number().min(0),
  recordsOutPerSecond: z.number().min(0),
});
export type VertexMetrics = z.infer<typeof VertexMetrics>;

/** One sample of a run: what the worker puts on the metrics stream and the API fans out. */
export const MetricSample = z.object({
  deploymentId: z.string(),
  runId: z.string(),
  /** Wall-clock time of the sample, epoch milliseconds. */
  ts: z.number().int(),
  vertices: z.array(VertexMetrics),
});
export type MetricSample = z.infer<typeof MetricSample>;

export const MetricSampleList = z.object({ items: z.array(MetricSample) });
export type MetricSampleList = z.infer<typeof MetricSampleList>;

/** Records per second leaving the job's sources: the throughput a dashboard shows. */
export function sourceRecordsPerSecond(sample: MetricSample): number {
  return sample.vertices
    .filter((v) => v.recordsIn === 0 && v.recordsOut > 0)
    .reduce((sum, v) => sum + v.recordsOutPerSecond, 0);
}
