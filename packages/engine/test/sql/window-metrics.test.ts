import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { builtinConnectors, compileJob, startJob } from '../../src/index';
import { valuesConnector } from './values-connector';

describe('window metrics', () => {
  it('counts late rows and reports the last event-time watermark per operator', async () => {
    const sql = readFileSync(new URL('./queries/tumble-window-late-rows.sql', import.meta.url), 'utf8');
    const connectors = builtinConnectors().register(valuesConnector);
    const handle = startJob(compileJob(sql, { connectors }), { stdout: new PassThrough(), connectors });
    await handle.done;
    const window = handle.metrics().find((m) => m.name === 'WindowAggregate');
    expect(window).toMatchObject({ recordsIn: 9, recordsOut: 4, lateRecordsDropped: 3, watermarkMs: Date.UTC(2024, 0, 1, 10, 0, 21) });
  });

  it('counts the late rows of window joins, each join on its own', async () => {
    const sql = readFileSync(new URL('./queries/window-join.sql', import.meta.url), 'utf8');
    const connectors = builtinConnectors().register(valuesConnector);
    const handle = startJob(compileJob(sql, { connectors }), { stdout: new PassThrough(), connectors });
    await handle.done;
    const joins = handle.metrics().filter((m) => m.name.startsWith('WindowJoin'));
    expect(joins.map((m) => [m.name, m.recordsIn, m.recordsOut, m.lateRecordsDropped])).toEqual([
      ['WindowJoin(joinType=[FULL])', 12, 8, 1],
      ['WindowJoin(joinType=[LEFT])', 12, 5, 1],
      ['WindowJoin(joinType=[INNER])', 12, 4, 1],
      ['WindowJoin(joinType=[INNER])', 12, 2, 1],
    ]);
  });

  it('explains changelog modes per operator', () => {
    const sql = `CREATE TABLE t (k INT) WITH ('connector' = 'values', 'data' = '1');
CREATE TABLE s (k INT, c BIGINT) WITH ('connector' = 'print');
INSERT INTO s SELECT k, COUNT(*) FROM t GROUP BY k;`;
    const explain = compileJob(sql, { connectors: builtinConnectors().register(valuesConnector) }).explain();
    expect(explain).toContain('GroupAggregate (groupBy=[k], select=[k, COUNT(*) AS EXPR$1]) changelogMode=[I,UB,UA]');
    expect(explain).toContain('Sink: s (connector=print, fields=[k, c]) changelogMode=[I,UB,UA]');
  });
});
