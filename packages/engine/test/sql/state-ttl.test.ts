import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { builtinConnectors, compileJob, startJob, validateSql } from '../../src/index';
import { clockedSource } from './clocked-source';

const T0 = Date.UTC(2024, 0, 1, 10);

/** Runs `sql` over one source `events` whose batches are read at the given processing times. */
async function runClocked(sql: string, batches: { atS: number; rows: unknown[][] }[]): Promise<string[]> {
  const { connector, clock } = clockedSource(batches.map((b) => ({ atMs: T0 + b.atS * 1000, rows: b.rows })), T0);
  const connectors = builtinConnectors().register(connector);
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  await startJob(compileJob(sql, { connectors }), { stdout, connectors, clock }).done;
  return chunks.join('').trim().split('\n');
}

const TTL = `SET 'table.exec.state.ttl' = '10 s';\n`;

describe("state retention ('table.exec.state.ttl')", () => {
  const aggregate = `
CREATE TABLE events (k STRING) WITH ('connector' = 'clocked');
CREATE TABLE out_sink (k STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT k, COUNT(*) FROM events GROUP BY k;`;
  const counts = [
    { atS: 1, rows: [['a']] },
    { atS: 5, rows: [['a']] },
    { atS: 20, rows: [['a']] },
  ];

  it('keeps a group aggregate forever by default', async () => {
    expect(await runClocked(aggregate, counts)).toEqual(['+I[a, 1]', '-U[a, 1]', '+U[a, 2]', '-U[a, 2]', '+U[a, 3]']);
  });

  it('forgets a group idle for the TTL, which then starts again with +I', async () => {
    expect(await runClocked(TTL + aggregate, counts)).toEqual(['+I[a, 1]', '-U[a, 1]', '+U[a, 2]', '+I[a, 1]']);
  });

  const join = `
CREATE TABLE events (side STRING, k STRING) WITH ('connector' = 'clocked');
CREATE TABLE out_sink (l STRING, r STRING) WITH ('connector' = 'print');
INSERT INTO out_sink
SELECT l.k, r.k FROM (SELECT k FROM events WHERE side = 'L') AS l JOIN (SELECT k FROM events WHERE side = 'R') AS r ON l.k = r.k;`;
  const sides = [
    { atS: 1, rows: [['L', 'a'], ['L', 'b']] },
    { atS: 5, rows: [['R', 'a']] },
    { atS: 13, rows: [['R', 'b']] },
    { atS: 14, rows: [['L', 'a']] },
  ];

  it('joins with every row ever seen by default', async () => {
    expect(await runClocked(join, sides)).toEqual(['+I[a, a]', '+I[b, b]', '+I[a, a]']);
  });

  it('drops join rows not written for the TTL, on each side on its own', async () => {
    // At 13 s the left 'b' (written at 1 s) has expired; at 14 s the right 'a' (5 s) is still kept.
    expect(await runClocked(TTL + join, sides)).toEqual(['+I[a, a]', '+I[a, a]']);
  });

  it('lets a keep-first deduplication emit a key again once its kept row expired', async () => {
    const dedup = `
CREATE TABLE events (k STRING, v INT, p AS PROCTIME()) WITH ('connector' = 'clocked');
CREATE TABLE out_sink (k STRING, v INT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT k, v FROM (
  SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY p ASC) AS rn FROM events
) WHERE rn = 1;`;
    const rows = [
      { atS: 1, rows: [['a', 1]] },
      { atS: 5, rows: [['a', 2]] },
      { atS: 12, rows: [['a', 3]] },
    ];
    expect(await runClocked(dedup, rows)).toEqual(['+I[a, 1]']);
    expect(await runClocked(TTL + dedup, rows)).toEqual(['+I[a, 1]', '+I[a, 3]']);
  });

  it('lets a Top-N partition idle for the TTL start empty', async () => {
    const topN = `
CREATE TABLE events (k STRING, v INT) WITH ('connector' = 'clocked');
CREATE TABLE out_sink (k STRING, v INT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT k, v FROM (
  SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM events
) WHERE rn <= 1;`;
    const rows = [
      { atS: 1, rows: [['a', 5]] },
      { atS: 15, rows: [['a', 3]] },
    ];
    expect(await runClocked(topN, rows)).toEqual(['+I[a, 5]']);
    expect(await runClocked(TTL + topN, rows)).toEqual(['+I[a, 5]', '+I[a, 3]']);
  });

  it('refuses a TTL that is not a duration, at the SET statement', () => {
    const diagnostics = validateSql(`CREATE TABLE t (k STRING) WITH ('connector' = 'datagen');\nSET 'table.exec.state.ttl' = 'forever';`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', line: 2, column: 1, message: "'table.exec.state.ttl' must be a duration such as '30 min', '5 s' or '500 ms', got 'forever'" }),
    ]);
  });
});
