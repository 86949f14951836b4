import type { DeploymentRunPayload, RestoredFrom } from '@weir/contracts';
import type { CheckpointResult, StopOptions, VertexMetricsSnapshot } from '@weir/engine';
import type { UdfLimits } from './udf-sandbox';

/** What a job thread runs, sent in its `start` message: the run and where its checkpoints live. */
export interface JobThreadData {
  payload: DeploymentRunPayload;
  /** The deployment's own checkpoint folder (a directory or `s3://…`). */
  storageUri: string;
  /** Limits of the sandbox the run's user functions execute in. */
  udfLimits: UdfLimits;
}

/** A request the host sends the thread; each is answered by a `reply` with the same id. */
export type HostRequest =
  | { type: 'metrics'; id: number }
  | { type: 'stop'; id: number; options: StopOptions }
  | { type: 'savepoint'; id: number };

/** The host's answer to the thread's fence check: absent `error` means the run may still commit. */
export interface FenceAnswer {
  type: 'fence-answer';
  id: number;
  error?: SerializedError;
}

/** The first message a (possibly pre-booted) thread gets: which run to execute. */
export interface StartMessage extends JobThreadData {
  type: 'start';
}

export type HostMessage = StartMessage | HostRequest | FenceAnswer;

/** What a thread tells its host. */
export type ThreadMessage =
  | { type: 'reply'; id: number; ok: true; value: VertexMetricsSnapshot[] | CheckpointResult | undefined }
  | { type: 'reply'; id: number; ok: false; error: SerializedError }
  | { type: 'restored'; restored: RestoredFrom | null }
  | { type: 'checkpoint'; checkpoint: CheckpointResult }
  /** The engine is about to complete a checkpoint or commit: may it? */
  | { type: 'fence'; id: number }
  | { type: 'done'; outcome: 'finished' | 'stopped'; metrics: VertexMetricsSnapshot[] }
  | { type: 'failed'; error: SerializedError };

/** An error as it crosses the thread boundary: structured clone keeps neither `code`, `domain` nor `details`. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  domain?: string;
  details?: unknown;
  cause?: SerializedError;
}

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  domain?: unknown;
  details?: unknown;
  cause?: unknown;
}

/** Flattens an error and its causes into plain data (causes at most 10 deep). */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: String(error) };
  const e = error as ErrorFields;
  const out: SerializedError = { name: typeof e.name === 'string' ? e.name : 'Error', message: typeof e.message === 'string' ? e.message : String(error) };
  if (typeof e.stack === 'string') out.stack = e.stack;
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.domain === 'string') out.domain = e.domain;
  if (e.details !== undefined) out.details = cloneable(e.details);
  if (e.cause !== undefined && depth < 10) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/** Turns serialized data back into an Error carrying the same code, domain, details and causes. */
export function deserializeError(data: SerializedError): Error {
  const error = new Error(data.message, data.cause ? { cause: deserializeError(data.cause) } : undefined) as Error & ErrorFields;
  error.name = data.name;
  if (data.stack !== undefined) error.stack = data.stack;
  if (data.code !== undefined) error.code = data.code;
  if (data.domain !== undefined) error.domain = data.domain;
  if (data.details !== undefined) error.details = data.details;
  return error;
}

/** Details go through JSON so a function or class instance in them cannot make postMessage throw. */
function cloneable(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return String(value);
  }
}
