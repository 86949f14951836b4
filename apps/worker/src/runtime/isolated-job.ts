import type { Worker } from 'node:worker_threads';
import { WeirError, type RestoredFrom } from '@weir/contracts';
import type { CheckpointResult, StopOptions, VertexMetricsSnapshot } from '@weir/engine';
import type { JobThreadPool } from './job-thread-pool';
import { deserializeError, serializeError, type HostMessage, type HostRequest, type JobThreadData, type ThreadMessage } from './job-thread-protocol';

/** How a job thread is started and watched. */
export interface IsolatedJobOptions {
  /** Heap limit of the thread (V8's old generation); passing it fails the run with ERR_WORKER_OUT_OF_MEMORY. */
  memoryLimitMb: number;
  /** Where the run's thread comes from (booted ahead of need). */
  threads: JobThreadPool;
  /** A thread that answers no request for this long is deemed stuck (an endless loop) and terminated. */
  unresponsiveMs: number;
  /** Called before each checkpoint or commit; throwing (e.g. FENCED) makes the engine abandon it. */
  fence: () => Promise<void>;
  onCheckpoint: (checkpoint: CheckpointResult) => void;
}

/** How a run ended, with its counters at the end. */
export interface JobEnd {
  outcome: 'finished' | 'stopped';
  metrics: VertexMetricsSnapshot[];
}

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void; sentAt: number };

/**
 * How long a thread that reported its end may take to leave on its own before it is terminated.
 * Terminating it at once could tear its environment down under isolated-vm's background
 * disposal of the run's UDF isolate, which aborts the whole worker process.
 */
const EXIT_GRACE_MS = 5_000;

/** How much longer than `unresponsiveMs` a silent thread is given to end in ERR_WORKER_OUT_OF_MEMORY before it counts as stuck. */
const OUT_OF_MEMORY_GRACE_MS = 5_000;

/**
 * One run of the engine in its own worker_thread: a heap and stack limit of its own, so an
 * out-of-memory, a stack overflow or a crash fails this run alone, and a watchdog on the worker's
 * main thread that terminates the thread when it stops answering (an endless loop) while control,
 * heartbeats and the queue lock keep flowing there.
 */
export class IsolatedJob {
  /** The snapshot restored before the run started, or null; rejects when the run fails first. */
  readonly restored: Promise<RestoredFrom | null>;
  /** How the run ended; rejects with the run's error, or UNRESPONSIVE / OUT_OF_MEMORY from the thread. */
  readonly done: Promise<JobEnd>;
  private readonly thread: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private lastHeardAt = Date.now();
  private readonly watchdog: NodeJS.Timeout;
  private settleRestored!: { resolve: (r: RestoredFrom | null) => void; reject: (e: Error) => void };
  private settleDone!: { resolve: (r: JobEnd) => void; reject: (e: Error) => void };

  constructor(data: JobThreadData, private readonly options: IsolatedJobOptions) {
    this.restored = new Promise((resolve, reject) => (this.settleRestored = { resolve, reject }));
    this.done = new Promise((resolve, reject) => (this.settleDone = { resolve, reject }));
    this.restored.catch(() => undefined);
    this.thread = options.threads.take(options.memoryLimitMb);
    this.thread.postMessage({ type: 'start', ...data } satisfies HostMessage);
    this.thread.on('message', (message: ThreadMessage) => this.onMessage(message));
    this.thread.on('error', (error) => this.fail(this.explain(error)));
    this.thread.on('exit', (code) => this.fail(new WeirError('INTERNAL', `the run's thread exited with code ${code} before the run ended`)));
    const check = Math.max(50, Math.min(1000, Math.floor(options.unresponsiveMs / 4)));
    this.watchdog = setInterval(() => this.checkAlive(), check);
  }

  /** Whether the run has ended (its thread is gone or going). */
  get ended(): boolean {
    return this.closed;
  }

  /** Cumulative counters per operator; empty before the engine started. */
  metrics(): Promise<VertexMetricsSnapshot[]> {
    return this.request({ type: 'metrics' });
  }

  /** Ends the run at its next batch boundary; with `savepoint` first takes one (returned). */
  stop(options: StopOptions): Promise<CheckpointResult | undefined> {
    return this.request({ type: 'stop', options });
  }

  /** Takes a savepoint while the run goes on. */
  triggerSavepoint(): Promise<CheckpointResult> {
    return this.request({ type: 'savepoint' });
  }


  private request<T>(body: HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never): Promise<T> {
    if (this.closed) return Promise.reject(new WeirError('CONFLICT', 'the run has ended'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject, sentAt: Date.now() });
      this.thread.postMessage({ ...body, id } as HostRequest);
    });
  }

  private onMessage(message: ThreadMessage): void {
    this.lastHeardAt = Date.now();
    switch (message.type) {
      case 'reply': {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value as never);
        else waiter?.reject(deserializeError(message.error));
        return;
      }
      case 'restored':
        this.settleRestored.resolve(message.restored);
        return;
      case 'checkpoint':
        this.options.onCheckpoint(message.checkpoint);
        return;
      case 'fence':
        this.options.fence().then(
          () => this.thread.postMessage({ type: 'fence-answer', id: message.id }),
          (error: unknown) => this.thread.postMessage({ type: 'fence-answer', id: message.id, error: serializeError(error) }),
        );
        return;
      case 'done':
        this.finish({ outcome: message.outcome, metrics: message.metrics });
        return;
      case 'failed':
        this.fail(deserializeError(message.error), 'thread-ended');
        return;
    }
  }

  /** The oldest unanswered request tells whether the thread still turns its event loop. */
  private checkAlive(): void {
    let oldest = Infinity;
    for (const waiter of this.pending.values()) oldest = Math.min(oldest, waiter.sentAt);
    if (oldest === Infinity) return;
    const silentMs = Date.now() - Math.max(oldest, this.lastHeardAt);
    // A heap thrashing at its limit is silent too: V8 gets the chance to report the out-of-memory first.
    if (silentMs < this.options.unresponsiveMs + OUT_OF_MEMORY_GRACE_MS) return;
    this.fail(
      new WeirError('TIMEOUT', `the run did not respond for ${Math.round(silentMs / 1000)} s (an endless loop or a blocking call) and was terminated`, {
        domain: 'internal',
        details: { failureCause: 'UNRESPONSIVE', silentMs },
      }),
    );
  }

  /** Node's out-of-memory error names no limit; the run's owner needs to know which one it passed. */
  private explain(error: Error): Error {
    if ((error as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
    return new WeirError('UNAVAILABLE', `the run passed its memory limit of ${this.options.memoryLimitMb} MB (config.memoryLimitMb) and was terminated`, {
      domain: 'user',
      details: { failureCause: 'OUT_OF_MEMORY', memoryLimitMb: this.options.memoryLimitMb },
      cause: error,
    });
  }

  private finish(result: JobEnd): void {
    if (!this.close(new WeirError('CONFLICT', 'the run has ended'), 'thread-ended')) return;
    this.settleRestored.resolve(null);
    this.settleDone.resolve(result);
  }

  private fail(error: Error, how: 'thread-ended' | 'terminate' = 'terminate'): void {
    if (!this.close(error, how)) return;
    this.settleRestored.reject(error);
    this.settleDone.reject(error);
  }

  /**
   * Ends the run once: rejects what is still unanswered and lets the thread go, at once when it is
   * stuck or broken, after a grace when it reported its own end. False when it had already ended.
   */
  private close(unanswered: Error, how: 'thread-ended' | 'terminate'): boolean {
    if (this.closed) return false;
    this.closed = true;
    clearInterval(this.watchdog);
    for (const waiter of this.pending.values()) waiter.reject(unanswered);
    this.pending.clear();
    // The thread flushed what it writes before it reported; anything still running there is dropped.
    if (how === 'terminate') {
      void this.thread.terminate();
      return true;
    }
    const grace = setTimeout(() => void this.thread.terminate(), EXIT_GRACE_MS);
    grace.unref();
    this.thread.once('exit', () => clearTimeout(grace));
    return true;
  }

}
