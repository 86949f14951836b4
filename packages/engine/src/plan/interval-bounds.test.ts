import { describe, expect, it } from 'vitest';
import { compileJob } from '../index';

const DDL = `
CREATE TABLE bid (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '4' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE s (auction BIGINT, price BIGINT) WITH ('connector' = 'blackhole');`;

function joinKinds(column: 'window_end' | 'window_start'): string[] {
  const job = compileJob(`${DDL}
INSERT INTO s SELECT B.auction, B.price FROM bid B
JOIN (SELECT MAX(price) AS maxprice, ${column} AS t FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end) B1
ON B.price = B1.maxprice
WHERE B.ts BETWEEN B1.t - INTERVAL '10' SECOND AND B1.t;`);
  return job.plan.vertices.flatMap((v) => v.operators).map((op) => op.kind).filter((kind) => kind.includes('join'));
}

describe('interval bounds', () => {
  it("bound a rowtime by an upstream window's window_end: an interval join whose state expires with the watermark (Nexmark q7)", () => {
    expect(joinKinds('window_end')).toEqual(['interval_join']);
  });

  it('leave a join on window_start regular: window starts fall behind the watermark by the window size', () => {
    expect(joinKinds('window_start')).toEqual(['join']);
  });
});
