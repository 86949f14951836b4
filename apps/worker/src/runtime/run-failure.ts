import type { FailureCause } from '@weir/contracts';

/** How a run's error is reported to the scheduler. */
export interface ClassifiedFailure {
  cause: FailureCause;
  message: string;
  stack?: string;
  /** Whether a new attempt may succeed; the scheduler's restart strategy decides whether one comes. */
  recoverable: boolean;
}

interface Coded {
  code?: unknown;
  details?: unknown;
  domain?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The error and its causes, outermost first (the engine wraps what it did not throw itself). */
function chain(error: unknown): Coded[] {
  const out: Coded[] = [];
  for (let e = error; typeof e === 'object' && e !== null && out.length < 10; e = (e as Coded).cause) out.push(e as Coded);
  return out;
}

/**
 * Sorts a run's error into a failure cause. A fenced run, bad SQL, a restore the plan refuses,
 * or anything else the engine blames on the user will not heal on retry; storage trouble,
 * memory exhaustion and other runtime errors may.
 */
export function classifyFailure(error: unknown): ClassifiedFailure {
  const errors = chain(error);
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? { stack: error.stack } : {};
  const codes = errors.map((e) => (typeof e.code === 'string' ? e.code : ''));
  const named = errors.map((e) => (e.details as { failureCause?: unknown } | undefined)?.failureCause).find((c) => typeof c === 'string');
  if (named === 'UNRESPONSIVE' || named === 'OUT_OF_MEMORY') return { cause: named, message, ...stack, recoverable: true };
  if (codes.includes('FENCED')) return { cause: 'FENCED', message, ...stack, recoverable: false };
  if (codes.some((c) => c === 'ERR_WORKER_OUT_OF_MEMORY') || errors.some((e) => /heap out of memory|allocation failed/i.test(String(e.message)))) {
    return { cause: 'OUT_OF_MEMORY', message, ...stack, recoverable: true };
  }
  if (codes.some((c) => c.startsWith('CHECKPOINT_'))) return { cause: 'CHECKPOINT_FAILURE', message, ...stack, recoverable: true };
  const userFault = errors.some((e) => e.domain === 'user');
  return { cause: 'EXCEPTION', message, ...stack, recoverable: !userFault };
}
