import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { builtinConnectors, compileJob, startJob } from '../../src/index';
import { clockedSource } from './clocked-source';

const T0 = Date.UTC(2024, 0, 1, 10);

/** Batches of a source and the processing time the clock shows while each is read. */
const BATCHES: { atMs: number; rows: unknown[][] }[] = [
  { atMs: T0 + 1_000, rows: [['a'], ['b']] },
  { atMs: T0 + 5_000, rows: [['a']] },
  { atMs: T0 + 12_000, rows: [['c']] },
  { atMs: T0 + 15_000, rows: [['a']] },
  { atMs: T0 + 20_000, rows: [['b']] },
];

describe('injected processing-time clock', () => {
  it('fires processing-time windows when the clock passes their end and drops the open one at end of input', async () => {
    const { connector, clock } = clockedSource(BATCHES, T0);
    const connectors = builtinConnectors().register(connector);
    const sql = `
CREATE TABLE clicks (id STRING, p AS PROCTIME()) WITH ('connector' = 'clocked');
CREATE TABLE out_sink (id STRING, n BIGINT, ws TIMESTAMP(3), we TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT id, COUNT(*), window_start, window_end
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(p), INTERVAL '10' SECOND)) GROUP BY id, window_start, window_end;`;
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    await startJob(compileJob(sql, { connectors }), { stdout, connectors, clock }).done;
    // [10:00:00, 10:00:10) fires after the batch at 10:00:12; [10:00:10, 10:00:20) is due when the
    // last batch is read at 10:00:20; [10:00:20, 10:00:30) is still open at end of input.
    expect(chunks.join('').trim().split('\n').sort()).toEqual([
      '+I[a, 1, 2024-01-01T10:00:10, 2024-01-01T10:00:20]',
      '+I[a, 2, 2024-01-01T10:00, 2024-01-01T10:00:10]',
      '+I[b, 1, 2024-01-01T10:00, 2024-01-01T10:00:10]',
      '+I[c, 1, 2024-01-01T10:00:10, 2024-01-01T10:00:20]',
    ]);
  });
});
