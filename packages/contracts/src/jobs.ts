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
});
export type CreateJobRequest = z.infer<typeof CreateJobRequest>;

/** A save: the SQL always makes a new immutable version; name and description are mutable. */
export const UpdateJobRequest = z.object({
  name: JobName.optional(),
  description: z.string().max(2000).optional(),
  sql: z.string().max(1_000_000),
  /** The version's user functions; absent keeps the previous version's. */
  functions: UserFunctions.optional(),
});
export type UpdateJobRequest = z.infer<typeof UpdateJobRequest>;

export const JobVersion = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  sql: z.string(),
  functions: UserFunctions,
  createdAt: z.string(),
});
export type JobVersion = z.infer<typeof JobVersion>;

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
