import type { ConnectorRegistry } from '../src/connectors/connector-registry';
import type { SourcePoll, SourceReader } from '../src/connectors/connector';
import { wrapSources } from './wrap-sources';

/**
 * Resident memory at two points of a run, MB, each read right after a full garbage collection.
 * V8 grows its heap lazily while allocation is fast and does not give the pages back on a forced
 * collection, so without collections along the way the reading says more about the collector's
 * schedule than about state (q7: live heap flat at 388 MB while RSS grew 1.66x). The probe
 * therefore also collects once per tenth of the events, which keeps RSS tracking live memory.
 */
export interface MemorySamples {
  /** After the sources emitted the first fifth of their rows (2 M of 10 M events). */
  earlyRssMb?: number;
  /** After the sources emitted their last rows, before end-of-input timers fire. */
  endRssMb?: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Watches a run's sources: samples resident memory once their rows pass `earlyRows` (a fifth of
 * the events) and again when every source has finished, collects garbage at each tenth, and keeps
 * the time all that took so the bench can take it out of the engine's wall time.
 */
export class MemoryProbe {
  readonly samples: MemorySamples = {};
  seconds = 0;
  /** Rows all sources emitted so far. */
  rows = 0;
  private readers = 0;
  private finishedReaders = 0;

  constructor(private readonly earlyRows: number) {}

  /** A source subtask was created. */
  opened(): void {
    this.readers++;
  }

  /** A source subtask emitted `count` rows, finishing with this poll when `finished`. */
  read(count: number, finished: boolean): void {
    const before = this.rows;
    this.rows += count;
    const tenth = this.earlyRows / 2;
    if (Math.floor(before / tenth) < Math.floor(this.rows / tenth)) this.timed(collectGarbage);
    if (before < this.earlyRows && this.rows >= this.earlyRows) this.samples.earlyRssMb = this.sample();
    if (finished && ++this.finishedReaders === this.readers) this.samples.endRssMb = this.sample();
  }

  private sample(): number {
    return this.timed(() => {
      collectGarbage();
      return process.memoryUsage.rss() / (1024 * 1024);
    });
  }

  private timed<T>(work: () => T): T {
    const start = process.hrtime.bigint();
    const result = work();
    this.seconds += Number(process.hrtime.bigint() - start) / 1e9;
    return result;
  }
}

class ProbedSourceReader implements SourceReader {
  private done = false;

  constructor(
    private readonly reader: SourceReader,
    private readonly probe: MemoryProbe,
  ) {}

  poll(maxRows: number, nowMs: number): SourcePoll {
    const poll = this.reader.poll(maxRows, nowMs);
    if (!this.done) {
      this.done = poll.finished;
      this.probe.read(poll.rows.length, poll.finished);
    }
    return poll;
  }
}

/** `registry` with every source reporting its rows to `probe`. */
export function probedSourceConnectors(registry: ConnectorRegistry, probe: MemoryProbe): ConnectorRegistry {
  return wrapSources(registry, (reader) => {
    probe.opened();
    return new ProbedSourceReader(reader, probe);
  });
}
