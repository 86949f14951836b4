import { z } from 'zod';
import { UserFunctions } from './user-functions';

const JobName = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(100, 'name must be at most 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'name may hold letters, digits, space, _ . - and must start with a letter or digit');

export const CreateJobRequest = z.object({
  name: JobName,
  description: z.string().max(2000).default(''),
  sql: z.string().max(1_000_000),
  functions: UserFunctions.default([]),
  /** What this version is, as the history shows it. */
  message: z.string().max(500).default(''),
});
export type CreateJobRequest = z.infer<typeof CreateJobRequest>;

/** A save: the SQL always makes a new immutable version; name and description are mutable. */
export const UpdateJobRequest = z.object({
  name: JobName.optional(),
  description: z.string().max(2000).optional(),
  sql: z.string().max(1_000_000),
  /** The version's user functions; absent keeps the previous version's. */
  functions: UserFunctions.optional(),
  message: z.string().max(500).default(''),
  /**
   * The version the editor started from. When someone saved a newer one since, the save is
   * refused with 409 CONFLICT naming who saved it and when, and nothing is written.
   */
  baseVersion: z.number().int().min(1).optional(),
});
export type UpdateJobRequest = z.infer<typeof UpdateJobRequest>;

/**
 * `details` of the 409 CONFLICT that refuses a save over a newer version than its `baseVersion`:
 * the newest version, who saved it (null: the system or a deleted user) and when.
 */
export const StaleSaveDetails = z.object({ latestVersion: z.number().int().min(1), savedBy: z.string().nullable(), savedAt: z.string() });
export type StaleSaveDetails = z.infer<typeof StaleSaveDetails>;

export const JobVersion = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  sql: z.string(),
  functions: UserFunctions,
  message: z.string(),
  /** E-mail of who saved it; null for versions saved by the system or by a deleted user. */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type JobVersion = z.infer<typeof JobVersion>;
export const JobVersionList = z.object({ items: z.array(JobVersion) });
export type JobVersionList = z.infer<typeof JobVersionList>;

export const VersionDiffParams = z.object({ id: z.string().min(1), a: z.coerce.number().int().min(1), b: z.coerce.number().int().min(1) });

/** One line of a diff from version a to b: kept, only in a (removed), or only in b (added), with its line numbers. */
export const DiffLine = z.object({
  kind: z.enum(['same', 'removed', 'added']),
  text: z.string(),
  a: z.number().int().optional(),
  b: z.number().int().optional(),
});
export type DiffLine = z.infer<typeof DiffLine>;

export const VersionDiff = z.object({
  a: JobVersion,
  b: JobVersion,
  lines: z.array(DiffLine),
  added: z.number().int(),
  removed: z.number().int(),
  /** The user functions differ between the versions. */
  functionsChanged: z.boolean(),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

/** Rolls back: a new version with the SQL and functions of `version`. */
export const RollbackRequest = z.object({ version: z.number().int().min(1), message: z.string().max(500).optional() });
export type RollbackRequest = z.infer<typeof RollbackRequest>;

/** The last deployment of a job, as a job listing shows it. */
export const JobDeploymentSummary = z.object({
  id: z.string(),
  status: z.string(),
  version: z.number().int(),
});

export const Job = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: z.string(),
  latestVersion: JobVersion,
  deployment: JobDeploymentSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof Job>;

export const JobList = z.object({ items: z.array(Job) });
export type JobList = z.infer<typeof JobList>;

export const IdParams = z.object({ id: z.string().min(1) });
