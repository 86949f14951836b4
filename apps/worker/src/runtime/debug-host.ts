import { Worker } from 'node:worker_threads';
import { WeirError } from '@weir/contracts';
import type { DebugProgress, DebugResult } from '@weir/engine';
import type { DebugHostMessage, DebugThreadMessage } from './debug-thread-protocol';
import { deserializeError } from './job-thread-protocol';

const boot = new URL('./job-thread-boot.mjs', import.meta.url);
const entry = new URL('./debug-thread.ts', import.meta.url).href;

/** How a debug thread ended: its result and what its sources read (gzipped JSON). */
export interface DebugEnd {
  result: DebugResult;
  read: Uint8Array;
}

/**
 * A debug run in its own worker_thread with a heap limit: an out-of-memory or a crash ends this
 * run alone. A thread that posts no progress for `unresponsiveMs` (an endless loop) is terminated.
 */
export class DebugThread {
  readonly done: Promise<DebugEnd>;
  private readonly thread: Worker;
  private lastHeardAt = Date.now();
  private watchdog!: NodeJS.Timeout;
  private settled = false;

  constructor(start: Extract<DebugHostMessage, { type: 'start' }>, memoryLimitMb: number, unresponsiveMs: number, onProgress: (progress: DebugProgress) => void) {
    this.thread = new Worker(boot, { workerData: { entry }, resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, stackSizeMb: 4 }, stdout: false, stderr: false });
    this.done = new Promise<DebugEnd>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        if (this.settled) return;
        this.settled = true;
        clearInterval(this.watchdog);
        outcome();
      };
      this.thread.on('message', (message: DebugThreadMessage) => {
        this.lastHeardAt = Date.now();
        if (message.type === 'progress') onProgress(message.progress);
        else if (message.type === 'done') settle(() => resolve({ result: message.result, read: message.read }));
        else settle(() => reject(deserializeError(message.error)));
      });
      this.thread.on('error', (error: Error & { code?: string }) => {
        const out = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WeirError('UNAVAILABLE', `the debug run passed its memory limit of ${memoryLimitMb} MB and was ended`, { domain: 'user', details: { failureCause: 'OUT_OF_MEMORY' } }) : error;
        settle(() => reject(out));
      });
      this.thread.on('exit', (code) => settle(() => reject(new WeirError('INTERNAL', `the debug run's thread exited with code ${code} before it ended`))));
      this.watchdog = setInterval(() => {
        if (Date.now() - this.lastHeardAt < unresponsiveMs) return;
        void this.thread.terminate();
        settle(() => reject(new WeirError('TIMEOUT', `the debug run did not respond for ${Math.round(unresponsiveMs / 1000)} s (an endless loop or a blocking call) and was ended`, { domain: 'user' })));
      }, Math.min(1000, unresponsiveMs));
    });
    this.thread.postMessage(start);
  }

  /** Ends the run early; its sources end first, so windows still fire. */
  stop(): void {
    this.thread.postMessage({ type: 'stop' } satisfies DebugHostMessage);
  }
}
