import { describe, expect, it } from 'vitest';
import { compileJob, startJob, validateSql } from '../index';

const SOURCE = `CREATE TABLE clicks (
  id BIGINT,
  pt AS PROCTIME()
) WITH ('connector' = 'datagen', 'number-of-rows' = '5', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5');
`;

describe('a PROCTIME() computed column', () => {
  it('declares a processing-time attribute usable by processing-time windows', () => {
    const sql = `${SOURCE}CREATE TABLE per_second (c BIGINT, s TIMESTAMP(3)) WITH ('connector' = 'blackhole');
INSERT INTO per_second SELECT COUNT(*), TUMBLE_START(pt, INTERVAL '1' SECOND) FROM clicks GROUP BY TUMBLE(pt, INTERVAL '1' SECOND);`;
    expect(validateSql(sql)).toEqual([]);
  });

  it('is the wall-clock time a row passes by when selected', async () => {
    const sql = `${SOURCE}CREATE TABLE seen (id BIGINT, pt TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO seen SELECT id, pt FROM clicks;`;
    let out = '';
    const stdout = { write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WritableStream;
    const before = Date.now();
    await startJob(compileJob(sql), { stdout }).done;
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(5);
    const stamp = Date.parse(lines[0].match(/, (.*)]$/)?.[1] ?? '');
    expect(stamp).toBeGreaterThanOrEqual(before - 1);
    expect(stamp).toBeLessThanOrEqual(Date.now() + 1);
  });
});
