import { z } from 'zod';
import { PinnedCatalogTable } from './catalog';
import { EncryptedSecret } from './secrets';
import { UserFunctions } from './user-functions';

/** Rows of one table as JSON objects, column name → value (`$kind` gives a changelog row's kind). */
export const DebugRows = z.array(z.record(z.string(), z.unknown())).max(2_000_000);

/** What one source (or dimension) table of a debug run reads. */
export const DebugInputRequest = z.union([
  z.object({ rows: DebugRows }).strict(),
  z.object({ fixtureId: z.string().min(1) }).strict(),
  z
    .object({
      capture: z.object({
        maxRows: z.number().int().min(1).max(1_000_000).default(1000),
        maxSeconds: z.number().int().min(1).max(300).default(10),
      }),
    })
    .strict(),
]);
export type DebugInputRequest = z.infer<typeof DebugInputRequest>;

/** Bounds of a debug run. */
export const DebugLimits = z.object({
  /** The run is stopped after this long; its sources end first, so windows still fire. */
  maxSeconds: z.number().int().min(1).max(600).default(120),
  /** Changes kept per sink; later ones are only counted. */
  maxChanges: z.number().int().min(1).max(100_000).default(10_000),
  /** Materialised rows returned per sink. */
  maxRows: z.number().int().min(1).max(100_000).default(10_000),
});
export type DebugLimits = z.infer<typeof DebugLimits>;

/** `POST /jobs/:id/debug`: run a version (or unsaved SQL) of the job on debug inputs; nothing reaches a real sink. */
export const DebugRunRequest = z.object({
  version: z.number().int().min(1).optional(),
  /** Unsaved SQL from the editor; wins over `version`. */
  sql: z.string().max(1_000_000).optional(),
  inputs: z.record(z.string(), DebugInputRequest),
  limits: DebugLimits.default(DebugLimits.parse({})),
});
export type DebugRunRequest = z.infer<typeof DebugRunRequest>;

export const DebugRunCreated = z.object({ id: z.string() });

export const DebugRunStatus = z.enum(['QUEUED', 'RUNNING', 'FINISHED', 'STOPPED', 'FAILED']);
export type DebugRunStatus = z.infer<typeof DebugRunStatus>;

export const CapturedChange = z.object({ kind: z.enum(['+I', '-U', '+U', '-D']), row: z.record(z.string(), z.unknown()) });
export type CapturedChange = z.infer<typeof CapturedChange>;

/** What one sink received in a debug run. */
export const DebugSinkResult = z.object({
  table: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  upsertKey: z.array(z.string()).nullable(),
  changes: z.array(CapturedChange),
  changeCount: z.number().int(),
  /** The final materialised rows (the first `limits.maxRows`). */
  rows: z.array(z.record(z.string(), z.unknown())),
  rowCount: z.number().int(),
  truncated: z.boolean(),
});
export type DebugSinkResult = z.infer<typeof DebugSinkResult>;

export const DebugVertexCounts = z.object({ vertexId: z.string(), operatorId: z.string(), name: z.string(), recordsIn: z.number(), recordsOut: z.number() });
export type DebugVertexCounts = z.infer<typeof DebugVertexCounts>;

export const DebugRunError = z.object({
  message: z.string(),
  code: z.string(),
  /** The source row the failure was traced to. */
  row: z.object({ table: z.string(), index: z.number().int(), row: z.record(z.string(), z.unknown()) }).optional(),
  /** SQL errors: where. */
  diagnostics: z.array(z.object({ line: z.number(), column: z.number(), message: z.string() })).optional(),
});

export const DebugRunInput = z.object({ table: z.string(), rows: z.number().int(), source: z.enum(['rows', 'capture', 'fixture']) });

/** `GET /debug-runs/:id`. */
export const DebugRun = z.object({
  id: z.string(),
  jobId: z.string(),
  /** The job version run; null for unsaved SQL. */
  version: z.number().int().nullable(),
  fixtureId: z.string().nullable(),
  status: DebugRunStatus,
  sinks: z.array(DebugSinkResult),
  vertices: z.array(DebugVertexCounts),
  inputs: z.array(DebugRunInput),
  error: DebugRunError.nullable(),
  limits: DebugLimits,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});
export type DebugRun = z.infer<typeof DebugRun>;

export const DebugRunList = z.object({ items: z.array(DebugRun.omit({ sinks: true, vertices: true })) });

const TableColumns = z.object({ table: z.string(), connector: z.string(), columns: z.array(z.object({ name: z.string(), type: z.string() })) });

/** `POST /jobs/:id/debug/tables`: the SQL (or the version) whose tables to list. */
export const DebugTablesRequest = z.object({ sql: z.string().max(1_000_000).optional(), version: z.number().int().min(1).optional() });

/** The tables a debug run of a script reads (sources need inputs; dimension tables may have them) and writes, with their columns. */
export const DebugTables = z.object({ sources: z.array(TableColumns), lookups: z.array(TableColumns), sinks: z.array(TableColumns) });
export type DebugTables = z.infer<typeof DebugTables>;

/** Server-Sent Events of `GET /debug-runs/:id/events`. */
export const DebugEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: DebugRunStatus }),
  z.object({ type: z.literal('progress'), sinks: z.array(z.object({ table: z.string(), changeCount: z.number().int(), newChanges: z.array(CapturedChange) })), vertices: z.array(DebugVertexCounts) }),
  z.object({ type: z.literal('done'), status: DebugRunStatus }),
]);
export type DebugEvent = z.infer<typeof DebugEvent>;

/** `GET /debug-runs/:a/compare/:b`: per sink, final rows only in A and only in B (as multisets). */
export const DebugRunComparison = z.object({
  sinks: z.array(z.object({ table: z.string(), columns: z.array(z.string()), onlyInA: z.array(z.record(z.string(), z.unknown())), onlyInB: z.array(z.record(z.string(), z.unknown())), same: z.number().int() })),
});
export type DebugRunComparison = z.infer<typeof DebugRunComparison>;

/** `POST /jobs/:id/fixtures`: the inputs of a debug run, or rows given here. */
export const CreateFixtureRequest = z.union([
  z.object({ name: z.string().trim().min(1).max(100), debugRunId: z.string().min(1) }).strict(),
  z.object({ name: z.string().trim().min(1).max(100), inputs: z.record(z.string(), z.object({ rows: DebugRows })) }).strict(),
]);
export type CreateFixtureRequest = z.infer<typeof CreateFixtureRequest>;

export const Fixture = z.object({
  id: z.string(),
  jobId: z.string(),
  name: z.string(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Fixture = z.infer<typeof Fixture>;
export const FixtureList = z.object({ items: z.array(Fixture) });

/** One table's rows of a debug run as the worker reads them: gzipped JSON under a Redis key, or a live capture. */
export const DebugPayloadInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rows'), key: z.string(), source: z.enum(['rows', 'fixture']) }),
  z.object({ kind: z.literal('capture'), maxRows: z.number().int(), maxSeconds: z.number().int() }),
]);
export type DebugPayloadInput = z.infer<typeof DebugPayloadInput>;

/** Payload of a `debug.run` queue job. */
export const DebugRunPayload = z.object({
  debugRunId: z.string(),
  sql: z.string(),
  functions: UserFunctions.default([]),
  secrets: z.array(EncryptedSecret).default([]),
  catalogTables: z.array(PinnedCatalogTable).default([]),
  catalogFunctions: z.record(z.string(), z.string()).default({}),
  inputs: z.record(z.string(), DebugPayloadInput),
  limits: DebugLimits,
  memoryLimitMb: z.number().int().min(64),
});
export type DebugRunPayload = z.infer<typeof DebugRunPayload>;

/** Where a debug run's data lives in Redis while it runs (and for a day after). */
export function debugRedisKeys(prefix: string, runId: string) {
  return {
    input: (table: string) => `${prefix}:debug:${runId}:input:${table}`,
    /** Stream of DebugEvent. */
    events: `${prefix}:debug:${runId}:events`,
    /** The final result, JSON of the engine's DebugResult. */
    result: `${prefix}:debug:${runId}:result`,
    /** What every source read, gzipped JSON: what a fixture of the run saves. */
    read: `${prefix}:debug:${runId}:read`,
    stop: `${prefix}:debug:${runId}:stop`,
  };
}

/** How long a debug run's Redis keys live. */
export const DEBUG_KEY_TTL_SECONDS = 86_400;
