import { z } from 'zod';

/** Stable error codes shared by every process; the console branches on these, never on text. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'SQL_INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'STATE_INCOMPATIBLE',
  'FENCED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem with a request body: `path` names the field, e.g. `config.parallelism`. */
export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The body of every non-2xx API response. */
export const ApiError = z.object({
  message: z.string(),
  code: ErrorCode,
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
