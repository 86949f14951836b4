import { z } from 'zod';

/** A table as lineage shows it: one node per external object, however many jobs name it. */
export const LineageTable = z.object({
  /** Stable across jobs: the connector and the options that name the data (topic, table, path, …). */
  id: z.string(),
  /** The catalog name when a job uses it from the catalog, else the name a job's CREATE TABLE gives it. */
  name: z.string(),
  connector: z.string(),
  /** What it is outside Weir, e.g. `jdbc:postgresql://…/shop public.orders` or `nats subject orders.>`. */
  object: z.string(),
  catalogTableId: z.string().nullable(),
});
export type LineageTable = z.infer<typeof LineageTable>;

export const LineageJob = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  /** The status of its running deployment, or null when none runs. */
  status: z.string().nullable(),
  /** Why the job's SQL could not be read into a plan (its tables then have no edges from it). */
  problem: z.string().optional(),
});
export type LineageJob = z.infer<typeof LineageJob>;

/** A job reading (a source or a lookup of a dimension table) or writing a table, with the columns involved. */
export const LineageEdge = z.object({
  table: z.string(),
  job: z.string(),
  kind: z.enum(['read', 'lookup', 'write']),
  columns: z.array(z.string()),
});
export type LineageEdge = z.infer<typeof LineageEdge>;

export const Lineage = z.object({
  tables: z.array(LineageTable),
  jobs: z.array(LineageJob),
  edges: z.array(LineageEdge),
});
export type Lineage = z.infer<typeof Lineage>;
