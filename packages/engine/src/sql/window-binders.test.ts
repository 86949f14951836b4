import { describe, expect, it } from 'vitest';
import { compileJob, validateSql } from '../index';

const TABLES = `CREATE TABLE l (k BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
CREATE TABLE r (k BIGINT, ts TIMESTAMP(3), p AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
CREATE TABLE out_sink (k BIGINT, window_start TIMESTAMP(3)) WITH ('connector' = 'print');
`;
const tumble = (table: string, size = 5, time = 'ts'): string => `TABLE(TUMBLE(TABLE ${table}, DESCRIPTOR(${time}), INTERVAL '${size}' SECOND))`;

function kinds(sql: string): string[] {
  return compileJob(TABLES + sql).plan.vertices.flatMap((v) => v.operators.map((op) => op.kind));
}

function diagnostics(sql: string): { line: number; column: number; message: string }[] {
  return validateSql(TABLES + sql).map(({ line, column, message }) => ({ line, column, message }));
}

describe('window join binding', () => {
  it('plans a join equating both window columns as a window join, the window equalities leaving the keys', () => {
    const sql = `INSERT INTO out_sink SELECT L.k, L.window_start FROM ${tumble('l')} L JOIN ${tumble('r')} R ON L.k = R.k AND L.window_end = R.window_end AND R.window_start = L.window_start;`;
    expect(kinds(sql)).toContain('window_join');
    const join = compileJob(TABLES + sql).plan.vertices.flatMap((v) => v.operators).find((op) => op.kind === 'window_join');
    expect(join?.config).toMatchObject({ joinType: 'INNER', leftKeys: [0], rightKeys: [0], leftWindowEnd: 3, rightWindowEnd: 4 });
  });

  it('refuses, at the ON condition, a window join missing the window_end equality, of different windows, or on processing time', () => {
    const only = `INSERT INTO out_sink SELECT L.k, L.window_start FROM ${tumble('l')} L JOIN ${tumble('r')} R\nON L.window_start = R.window_start;`;
    expect(diagnostics(only)).toEqual([{ line: 5, column: 4, message: 'Currently, window join requires JOIN ON condition must contain both window starts equality of input tables and window ends equality of input tables.' }]);
    const different = `INSERT INTO out_sink SELECT L.k, L.window_start FROM ${tumble('l')} L JOIN ${tumble('r', 10)} R\nON L.window_start = R.window_start AND L.window_end = R.window_end;`;
    expect(diagnostics(different)).toEqual([{ line: 5, column: 4, message: "Currently, window join doesn't support different window table function of left and right inputs." }]);
    const proctime = `INSERT INTO out_sink SELECT L.k, L.window_start FROM ${tumble('r', 5, 'p')} L JOIN ${tumble('r', 5, 'p')} R\nON L.window_start = R.window_start AND L.window_end = R.window_end;`;
    expect(diagnostics(proctime)).toEqual([{ line: 5, column: 4, message: 'Processing time Window Join is not supported yet.' }]);
  });

  it('refuses a join of window TVFs that does not equate their windows', () => {
    const sql = `INSERT INTO out_sink SELECT L.k, L.window_start FROM ${tumble('l')} L JOIN ${tumble('r')} R ON L.k = R.k;`;
    expect(diagnostics(sql).map((d) => d.message)).toEqual(['a join of window table functions must be a window join: ON L.window_start = R.window_start AND L.window_end = R.window_end']);
  });
});

describe('window Top-N binding', () => {
  const ranked = (order: string, filter: string, time = 'ts'): string =>
    `INSERT INTO out_sink SELECT k, window_start FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY ${order}) AS rn FROM ${tumble('r', 5, time)}) WHERE ${filter};`;

  it('plans ROW_NUMBER ordered by the TVF time column kept to rank 1 as window deduplication, other Top-N over the window columns as window rank', () => {
    expect(kinds(ranked('ts DESC', 'rn = 1'))).toContain('window_deduplicate');
    expect(kinds(ranked('ts', 'rn <= 1'))).toContain('window_deduplicate');
    expect(kinds(ranked('k DESC', 'rn = 1'))).toContain('window_rank');
    expect(kinds(ranked('ts DESC', 'rn <= 2'))).toContain('window_rank');
    // Partitioned by window_start alone, it is a regular Top-N.
    expect(kinds(ranked('ts DESC', 'rn <= 2').replace('PARTITION BY window_start, window_end', 'PARTITION BY window_start'))).toContain('rank');
  });

  it('refuses processing-time windows at the OVER clause', () => {
    expect(diagnostics(ranked('k DESC', 'rn <= 3', 'p'))).toMatchObject([{ line: 4, message: 'Processing time Window TopN is not supported yet.' }]);
    expect(diagnostics(ranked('p DESC', 'rn = 1', 'p'))).toMatchObject([{ line: 4, message: 'Processing time Window Deduplication is not supported yet.' }]);
  });
});
