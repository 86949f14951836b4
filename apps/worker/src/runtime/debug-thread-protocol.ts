import type { DebugProgress, DebugResult, DebugSourceInput } from '@weir/engine';
import type { DebugRunPayload } from '@weir/contracts';
import type { SerializedError } from './job-thread-protocol';
import type { UdfLimits } from './udf-sandbox';

/** One input as the thread gets it: gzipped JSON rows, or a live capture. */
export type ThreadDebugInput = { kind: 'rows'; gz: Uint8Array } | Extract<DebugSourceInput, { kind: 'capture' }>;

/** What a debug thread is told. */
export type DebugHostMessage =
  | { type: 'start'; payload: DebugRunPayload; inputs: Record<string, ThreadDebugInput>; udfLimits: UdfLimits; progressMs: number }
  | { type: 'stop' };

/** What a debug thread tells its host; `read` is every source's rows as gzipped JSON. */
export type DebugThreadMessage =
  | { type: 'progress'; progress: DebugProgress }
  | { type: 'done'; result: DebugResult; read: Uint8Array }
  | { type: 'failed'; error: SerializedError };
