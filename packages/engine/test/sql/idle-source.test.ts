import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Connector, SourcePoll } from '../../src/connectors/connector';
import { builtinConnectors, compileJob, startJob } from '../../src/index';

const T0 = Date.UTC(2024, 0, 1, 10);
const RUN_MS = 600;

/** A source that emits its rows at once, then stays open without rows until RUN_MS passed. */
function timedSource(name: string, rows: unknown[][]): Connector {
  return {
    name,
    requiredOptions: [],
    optionalOptions: [],
    createSource: () => {
      const startMs = Date.now();
      let sent = false;
      return {
        poll(_max: number, nowMs: number): SourcePoll {
          if (!sent) {
            sent = true;
            return { rows, finished: false };
          }
          return { rows: [], finished: nowMs - startMs >= RUN_MS, nextPollAtMs: nowMs + 5 };
        },
      };
    },
  };
}

async function firstOutputAfterMs(set: Record<string, string>): Promise<number> {
  const connectors = builtinConnectors()
    .register(timedSource('busy', [['a', T0 + 1000], ['b', T0 + 30_000]]))
    .register(timedSource('quiet', []));
  const sql = `
CREATE TABLE busy (id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'busy');
CREATE TABLE quiet (id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'quiet');
CREATE VIEW both_inputs AS SELECT * FROM busy UNION ALL SELECT * FROM quiet;
CREATE TABLE out_sink (n BIGINT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE both_inputs, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;`;
  const stdout = new PassThrough();
  const startMs = Date.now();
  let firstMs = -1;
  stdout.on('data', () => {
    if (firstMs < 0) firstMs = Date.now() - startMs;
  });
  await startJob(compileJob(sql, { connectors, set }), { stdout, connectors }).done;
  return firstMs;
}

describe('idle sources', () => {
  it('hold back the watermark until they end, unless table.exec.source.idle-timeout marks them idle', async () => {
    expect(await firstOutputAfterMs({})).toBeGreaterThanOrEqual(RUN_MS);
    expect(await firstOutputAfterMs({ 'table.exec.source.idle-timeout': '50 ms' })).toBeLessThan(RUN_MS - 200);
  });
});
