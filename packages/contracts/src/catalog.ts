import { z } from 'zod';
import { SqlDiagnostic } from './sql';
import { UserFunctions } from './user-functions';

/** What a registered table is for; one table may have several roles. */
export const CatalogTableRole = z.enum(['source', 'sink', 'dimension']);
export type CatalogTableRole = z.infer<typeof CatalogTableRole>;

/**
 * Registers a table by its CREATE TABLE text. With `connectionId`, the connection's options
 * (host, credentials) are merged under the DDL's at every use, so the DDL never holds a password.
 */
export const CatalogTableRequest = z.object({
  ddl: z.string().min(1).max(200_000),
  connectionId: z.string().uuid().nullable().default(null),
  /** What the table is on its connection (as `sample` takes it), so its page can show sample rows. */
  object: z.string().min(1).max(1000).nullable().default(null),
  roles: z.array(CatalogTableRole).min(1, 'name at least one role: source, sink or dimension'),
  description: z.string().max(2000).default(''),
});
export type CatalogTableRequest = z.infer<typeof CatalogTableRequest>;

export const CatalogTableParams = z.object({ id: z.string().uuid() });

/** A deployment that reads or writes a catalog table. */
export const CatalogTableUse = z.object({
  jobId: z.string(),
  jobName: z.string(),
  deploymentId: z.string(),
  status: z.string(),
});
export type CatalogTableUse = z.infer<typeof CatalogTableUse>;

export const CatalogTable = z.object({
  id: z.string(),
  name: z.string(),
  ddl: z.string(),
  connector: z.string(),
  connectionId: z.string().nullable(),
  connectionName: z.string().nullable(),
  object: z.string().nullable(),
  roles: z.array(CatalogTableRole),
  description: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CatalogTable = z.infer<typeof CatalogTable>;
export const CatalogTableList = z.object({ items: z.array(CatalogTable) });
export type CatalogTableList = z.infer<typeof CatalogTableList>;

/**
 * A saved table with what the change means for running deployments: each one still runs the
 * definition it was deployed with, and `breaks` lists those whose SQL the new definition would fail.
 */
export const CatalogTableSaved = z.object({
  table: CatalogTable,
  usedBy: z.array(CatalogTableUse),
  breaks: z.array(CatalogTableUse.extend({ diagnostics: z.array(SqlDiagnostic) })),
});
export type CatalogTableSaved = z.infer<typeof CatalogTableSaved>;

/** A catalog table as a deployment pins it and a worker receives it; option values may hold `${secret.…}` references. */
export const PinnedCatalogTable = z.object({
  catalog: z.string(),
  database: z.string(),
  name: z.string(),
  ddl: z.string(),
  options: z.record(z.string(), z.string()).default({}),
});
export type PinnedCatalogTable = z.infer<typeof PinnedCatalogTable>;

/** A function's SQL name: what a job calls, with or without CREATE FUNCTION. */
export const FunctionName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'must be letters, digits and _, starting with a letter or _');

/**
 * Registers a scalar function for the whole workspace: jobs call it by `name` without CREATE
 * FUNCTION, and `CREATE FUNCTION f AS '<className>'` binds to it, so a Flink job naming a Java
 * class runs unchanged. The source is JavaScript evaluating to a function; workers run it sandboxed.
 */
export const CatalogFunctionRequest = z.object({
  name: FunctionName,
  className: z.string().trim().min(1).max(500).nullable().default(null),
  language: z.literal('javascript').default('javascript'),
  source: z.string().min(1).max(200_000),
  resultType: z.string().trim().min(1).max(500),
  argumentTypes: z.array(z.string().trim().min(1).max(500)).max(64).optional(),
  description: z.string().max(2000).default(''),
});
export type CatalogFunctionRequest = z.infer<typeof CatalogFunctionRequest>;

export const CatalogFunction = CatalogFunctionRequest.extend({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type CatalogFunction = z.infer<typeof CatalogFunction>;
export const CatalogFunctionList = z.object({ items: z.array(CatalogFunction) });
export type CatalogFunctionList = z.infer<typeof CatalogFunctionList>;

/** The workspace functions a deployment was pinned to: their sources, and SQL name → identifier among them. */
export const PinnedFunctions = z.object({
  sources: UserFunctions.default([]),
  names: z.record(z.string(), z.string()).default({}),
});
export type PinnedFunctions = z.infer<typeof PinnedFunctions>;
