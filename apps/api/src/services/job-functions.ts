import { Script } from 'node:vm';
import { UserFunctions, WeirError, type UserFunctionSource } from '@weir/contracts';
import type { UserFunction } from '@weir/engine';

/** The user functions stored in a job version's config (versions saved before functions existed have none). */
export function versionFunctions(config: unknown): UserFunctionSource[] {
  const stored = (config as { functions?: unknown } | null)?.functions;
  if (stored === undefined) return [];
  const parsed = UserFunctions.safeParse(stored);
  if (!parsed.success) throw new WeirError('INTERNAL', `a job version holds unreadable user functions: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Type-only stand-ins for the binder: the API checks calls against the declared types but never
 * executes user code, which runs only in a worker's sandbox.
 */
export function typeStubs(functions: UserFunctionSource[]): Record<string, UserFunction> {
  const stubs: Record<string, UserFunction> = {};
  for (const fn of functions) {
    stubs[fn.identifier] = { eval: () => null, resultType: fn.resultType, ...(fn.argumentTypes ? { argumentTypes: fn.argumentTypes } : {}) };
  }
  return stubs;
}

/**
 * Refuses functions whose source does not parse, naming the field. Compiling a script runs none
 * of it, so the API still executes no user code.
 */
export function assertFunctionsParse(functions: UserFunctionSource[]): void {
  const broken: { identifier: string; issue: { path: string; message: string } }[] = [];
  functions.forEach((fn, index) => {
    try {
      new Script(`(${fn.source}\n)`, { filename: `udf:${fn.identifier}` });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      broken.push({ identifier: fn.identifier, issue: { path: `functions.${index}.source`, message } });
    }
  });
  const first = broken[0];
  if (first) {
    throw new WeirError('VALIDATION_FAILED', `user function '${first.identifier}' does not parse: ${first.issue.message}`, {
      details: { issues: broken.map((b) => b.issue) },
    });
  }
}
