import { z } from 'zod';

/**
 * A user-defined scalar function saved with a job: JavaScript source that evaluates to a function
 * (`(s) => s.length`, `function (a, b) { … }`). Workers run it in a sandbox with no filesystem,
 * network, environment or module system, under CPU-time and memory limits.
 */
export const UserFunctionSource = z.object({
  /**
   * What CREATE FUNCTION names: the quoted class (`'com.example.CountChar'`, so Flink jobs run
   * unchanged) or the function's SQL name.
   */
  identifier: z.string().trim().min(1).max(500),
  language: z.literal('javascript').default('javascript'),
  source: z.string().min(1).max(200_000),
  /** Flink type of the result, e.g. `BIGINT`, `ARRAY<STRING>`. */
  resultType: z.string().trim().min(1).max(500),
  /** Flink types the arguments are cast to; absent accepts any arguments. */
  argumentTypes: z.array(z.string().trim().min(1).max(500)).max(64).optional(),
});
export type UserFunctionSource = z.infer<typeof UserFunctionSource>;

/** The functions of one job version; identifiers are unique. */
export const UserFunctions = z
  .array(UserFunctionSource)
  .max(100)
  .superRefine((functions, ctx) => {
    const seen = new Set<string>();
    functions.forEach((fn, index) => {
      if (seen.has(fn.identifier)) ctx.addIssue({ code: 'custom', path: [index, 'identifier'], message: `'${fn.identifier}' is defined twice` });
      seen.add(fn.identifier);
    });
  });
export type UserFunctions = z.infer<typeof UserFunctions>;
