import type { Connector, SourcePoll } from '../../src/connectors/connector';
import type { ProcessingClock } from '../../src/index';

/** One batch of a clocked source and the processing time (ms) the clock shows while it is read. */
export interface ClockedBatch {
  atMs: number;
  rows: unknown[][];
}

/**
 * A test connector `clocked` whose source returns `batches` one per poll and the processing-time
 * clock that moves to each batch's time as it is read, so processing-time behaviour is exact.
 */
export function clockedSource(batches: ClockedBatch[], startMs: number): { connector: Connector; clock: ProcessingClock } {
  let nowMs = startMs;
  const connector: Connector = {
    name: 'clocked', requiredOptions: [], optionalOptions: [],
    createSource: () => {
      let next = 0;
      return {
        poll(): SourcePoll {
          const batch = batches[next++];
          nowMs = batch.atMs;
          return { rows: batch.rows, finished: next === batches.length };
        },
      };
    },
  };
  return { connector, clock: { now: () => nowMs } };
}
