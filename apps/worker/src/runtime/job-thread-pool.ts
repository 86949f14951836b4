import { Worker } from 'node:worker_threads';

const boot = new URL('./job-thread-boot.mjs', import.meta.url);
const entry = new URL('./job-thread.ts', import.meta.url).href;

interface WarmThread {
  memoryLimitMb: number;
  thread: Worker;
  alive: boolean;
}

/**
 * Hands out job threads, keeping one booted ahead of need: loading the engine into a fresh thread
 * takes ~0.6 s, which a failover would otherwise spend after the run was already claimed. A
 * thread's heap limit is fixed when it starts, so the warm one has the limit of the latest run
 * and a run with another limit gets a new thread.
 */
export class JobThreadPool {
  private warm: WarmThread | undefined;
  private warming: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: { stackSizeMb: number; prewarm: boolean; prewarmDelayMs?: number; defaultMemoryLimitMb?: number }) {
    // The first run's thread too is warm when the default limit is known.
    if (options.prewarm && options.defaultMemoryLimitMb) this.warm = this.spawn(options.defaultMemoryLimitMb);
  }

  /** A thread with this heap limit, ready for a `start` message; it belongs to the caller from now on. */
  take(memoryLimitMb: number): Worker {
    const warm = this.warm;
    this.warm = undefined;
    let thread: Worker;
    if (warm?.alive && warm.memoryLimitMb === memoryLimitMb) thread = warm.thread;
    else {
      if (warm) void warm.thread.terminate();
      thread = this.spawn(memoryLimitMb).thread;
    }
    if (this.options.prewarm) this.prewarm(memoryLimitMb);
    thread.ref();
    return thread;
  }

  /** Ends the warm thread; no more are started. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.warming);
    const warm = this.warm;
    this.warm = undefined;
    if (warm) await warm.thread.terminate();
  }

  /** The next warm thread boots a little later, so it does not compete with the run just handed out while that one restores. */
  private prewarm(memoryLimitMb: number): void {
    clearTimeout(this.warming);
    this.warming = setTimeout(() => {
      if (this.closed) return;
      if (this.warm) void this.warm.thread.terminate();
      this.warm = this.spawn(memoryLimitMb);
    }, this.options.prewarmDelayMs ?? 2000);
    this.warming.unref();
  }

  private spawn(memoryLimitMb: number): WarmThread {
    const thread = new Worker(boot, {
      workerData: { entry },
      resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, stackSizeMb: this.options.stackSizeMb },
      stdout: false,
      stderr: false,
    });
    // Idle, it must not keep the worker process from exiting.
    thread.unref();
    const warm: WarmThread = { memoryLimitMb, thread, alive: true };
    // An idle thread that dies is replaced on the next take; the run's own listeners take over once handed out.
    const died = () => {
      warm.alive = false;
    };
    thread.once('exit', died);
    thread.on('error', died);
    return warm;
  }
}
