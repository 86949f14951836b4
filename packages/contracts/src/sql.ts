import { z } from 'zod';
import { UserFunctions } from './user-functions';

/** A problem found in a SQL script; lines and columns are 1-based, the end is exclusive. */
export const SqlDiagnostic = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  code: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
});
export type SqlDiagnostic = z.infer<typeof SqlDiagnostic>;

export const ValidateRequest = z.object({
  /** SQL to check; when absent the job's latest saved version is checked. */
  sql: z.string().optional(),
  /** User functions to check the SQL against; when absent the job's latest saved ones (none for `/validate`). */
  functions: UserFunctions.optional(),
});
export type ValidateRequest = z.infer<typeof ValidateRequest>;

export const ValidateResponse = z.object({
  ok: z.boolean(),
  diagnostics: z.array(SqlDiagnostic),
});
export type ValidateResponse = z.infer<typeof ValidateResponse>;

export const FormatRequest = z.object({
  /** The SQL script to format. */
  sql: z.string(),
});
export type FormatRequest = z.infer<typeof FormatRequest>;

export const FormatResponse = z.object({
  /** The script formatted: every token and comment kept; formatting it again changes nothing. */
  sql: z.string(),
});
export type FormatResponse = z.infer<typeof FormatResponse>;
