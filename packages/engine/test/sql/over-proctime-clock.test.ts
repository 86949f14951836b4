import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Connector, SourcePoll } from '../../src/connectors/connector';
import { builtinConnectors, compileJob, startJob } from '../../src/index';

const T0 = Date.UTC(2024, 0, 1, 10);

/** Batches of a source and the processing time the clock shows while each is read. */
const BATCHES: { atMs: number; rows: unknown[][] }[] = [
  { atMs: T0, rows: [['a', 1], ['b', 10]] },
  { atMs: T0, rows: [['a', 2]] },
  { atMs: T0 + 1_500, rows: [['a', 4]] },
  { atMs: T0 + 2_500, rows: [['a', 8], ['b', 20]] },
  { atMs: T0 + 2_500, rows: [['a', 16]] },
];

describe('processing-time RANGE OVER on an injected clock', () => {
  it('makes the rows of one millisecond peers and forgets rows older than the range', async () => {
    let nowMs = T0;
    const source: Connector = {
      name: 'clocked', requiredOptions: [], optionalOptions: [],
      createSource: () => {
        let next = 0;
        return {
          poll(): SourcePoll {
            const batch = BATCHES[next++];
            nowMs = batch.atMs;
            return { rows: batch.rows, finished: next === BATCHES.length };
          },
        };
      },
    };
    const connectors = builtinConnectors().register(source);
    const sql = `
CREATE TABLE clicks (usr STRING, v INT, pt AS PROCTIME()) WITH ('connector' = 'clocked');
CREATE TABLE out_sink (usr STRING, v INT, total INT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT usr, v, SUM(v) OVER w, COUNT(*) OVER w
FROM clicks WINDOW w AS (PARTITION BY usr ORDER BY pt RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW);`;
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    await startJob(compileJob(sql, { connectors }), { stdout, connectors, clock: { now: () => nowMs } }).done;
    // a's rows at 10:00:00 are peers although two batches brought them; at 10:00:02.5 they are
    // more than 2 s old. The last millisecond is complete when the input ends, so it is emitted.
    expect(chunks.join('').trim().split('\n')).toEqual([
      '+I[a, 1, 3, 2]',
      '+I[a, 2, 3, 2]',
      '+I[b, 10, 10, 1]',
      '+I[a, 4, 7, 3]',
      '+I[a, 8, 28, 3]',
      '+I[a, 16, 28, 3]',
      '+I[b, 20, 20, 1]',
    ]);
  });
});
