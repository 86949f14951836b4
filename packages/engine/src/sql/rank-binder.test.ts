import { describe, expect, it } from 'vitest';
import { compileJob, validateSql } from '../index';

const BID = "CREATE TABLE bid (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '10');\n";
const SINK = "CREATE TABLE out_sink (auction BIGINT, price BIGINT, rn BIGINT) WITH ('connector' = 'print');\n";
const SINK2 = "CREATE TABLE out2 (auction BIGINT, price BIGINT) WITH ('connector' = 'print');\n";

function kinds(sql: string): string[] {
  return compileJob(sql).plan.vertices.flatMap((v) => v.operators.map((op) => op.kind));
}

describe('Top-N binding', () => {
  it('refuses a ranking function without a rank filter at its OVER clause', () => {
    const [diagnostic] = validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT auction, price, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price) AS rn FROM bid;`);
    expect(diagnostic).toMatchObject({ code: 'NOT_SUPPORTED', line: 3, message: 'OVER aggregation with ROW_NUMBER requires a filter on the rank (Top-N), e.g. WHERE rn <= 10' });
  });

  it('refuses a rank range that does not start at 1', () => {
    const diagnostics = validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT * FROM (SELECT auction, price, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price) AS rn FROM bid) WHERE rn = 3;`);
    expect(diagnostics.map((d) => d.message)).toEqual(['a Top-N rank range must start at rank 1']);
  });

  it('plans ROW_NUMBER over a time attribute with rn = 1 and no rank column as deduplication, anything else as rank', () => {
    const inner = 'SELECT auction, price, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY ts DESC) AS rn FROM bid';
    expect(kinds(`${BID}${SINK2}INSERT INTO out2 SELECT auction, price FROM (${inner}) WHERE rn = 1;`)).toContain('deduplicate');
    expect(kinds(`${BID}${SINK}INSERT INTO out_sink SELECT * FROM (${inner}) WHERE rn = 1;`)).toContain('rank');
    expect(kinds(`${BID}${SINK2}INSERT INTO out2 SELECT auction, price FROM (${inner.replace('ts DESC', 'price DESC')}) WHERE rn <= 1;`)).toContain('rank');
  });
});
