import { performance } from 'node:perf_hooks';

/** Where a vertex's busy time adds up (all its subtasks). */
export interface BusyAccount {
  busyTimeMs: number;
}

/**
 * Busy time per vertex in a synchronous runner: a batch pushed downstream runs inside its
 * producer's call, so each timed section subtracts the time of the sections nested in it, and
 * every vertex is charged only for its own work (Flink's busyTimeMsPerSecond, cumulative here).
 */
export class BusyTimer {
  private readonly nested: number[] = [];

  /** Runs `work`, charging its exclusive time to `account`. */
  time(account: BusyAccount, work: () => void): void {
    const start = performance.now();
    this.nested.push(0);
    try {
      work();
    } finally {
      const inclusive = performance.now() - start;
      account.busyTimeMs += inclusive - (this.nested.pop() as number);
      if (this.nested.length > 0) this.nested[this.nested.length - 1] += inclusive;
    }
  }
}
