import { describe, expect, it } from 'vitest';
import { compileJob, validateSql } from '../index';

const BID = "CREATE TABLE bid (auction BIGINT, price BIGINT, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '10');\n";
const SINK = "CREATE TABLE out_sink (auction BIGINT, total BIGINT) WITH ('connector' = 'print');\n";

/** The diagnostics of `INSERT INTO out_sink SELECT <select>` on line 3, as [code, column, message]. */
function refused(select: string): [string, number, string][] {
  return validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT ${select};`).map((d) => [d.code, d.column, d.message]);
}

/** The column of the first occurrence of `text` in the INSERT line of `refused(select)`. */
function columnOf(select: string, text: string): number {
  return 'INSERT INTO out_sink SELECT '.length + select.indexOf(text) + 1;
}

describe('OVER aggregation binding', () => {
  it('refuses an ordering that is not a time attribute at the ORDER BY expression', () => {
    const select = 'auction, SUM(price) OVER (PARTITION BY auction ORDER BY price ROWS 2 PRECEDING) FROM bid';
    expect(refused(select)).toEqual([['NOT_SUPPORTED', columnOf(select, 'price ROWS'), "OVER windows' ordering in stream mode must be defined on a time attribute."]]);
  });

  it('refuses a second, different window at its OVER clause', () => {
    const select = 'auction, SUM(price) OVER (ORDER BY ts ROWS 2 PRECEDING) + COUNT(*) OVER (ORDER BY ts ROWS 3 PRECEDING) FROM bid';
    expect(refused(select)).toEqual([['NOT_SUPPORTED', columnOf(select, '(ORDER BY ts ROWS 3'), 'Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window.']]);
  });

  it('accepts the same window written twice, or named once and used twice', () => {
    expect(refused('auction, SUM(price) OVER (ORDER BY bid.ts ROWS 2 PRECEDING) + COUNT(*) OVER (ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM bid')).toEqual([]);
    expect(refused('auction, SUM(price) OVER w + COUNT(*) OVER w FROM bid WINDOW w AS (PARTITION BY auction ORDER BY pt)')).toEqual([]);
  });

  it('refuses FOLLOWING, descending order, several order columns and bad frame offsets', () => {
    const following = 'auction, SUM(price) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM bid';
    expect(refused(following)).toEqual([['NOT_SUPPORTED', columnOf(following, '1 FOLLOWING'), 'OVER RANGE FOLLOWING windows are not supported yet.']]);
    expect(refused('auction, SUM(price) OVER (ORDER BY ts DESC) FROM bid').map(([, , m]) => m)).toEqual(['The window can only be ordered in ASCENDING mode.']);
    expect(refused('auction, SUM(price) OVER (ORDER BY ts, auction) FROM bid').map(([, , m]) => m)).toEqual(['The window can only be ordered by a single time column.']);
    expect(refused("auction, SUM(price) OVER (ORDER BY ts ROWS INTERVAL '1' SECOND PRECEDING) FROM bid").map(([, , m]) => m)).toEqual([
      'a ROWS frame offset must be a non-negative integer literal, e.g. ROWS BETWEEN 5 PRECEDING AND CURRENT ROW',
    ]);
    expect(refused('auction, SUM(price) OVER (ORDER BY ts RANGE 5 PRECEDING) FROM bid').map(([, , m]) => m)).toEqual([
      "a RANGE frame offset over a time attribute must be a day-time interval literal, e.g. RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW",
    ]);
  });

  it('refuses LAG and LEAD at their name, and unknown window names at the reference', () => {
    const lag = 'auction, LAG(price) OVER (ORDER BY ts) FROM bid';
    expect(refused(lag)).toEqual([['NOT_SUPPORTED', columnOf(lag, 'LAG'), 'LAG is not supported in OVER windows yet']]);
    const unknown = 'auction, SUM(price) OVER w2 FROM bid WINDOW w AS (ORDER BY ts)';
    expect(refused(unknown)).toEqual([['WINDOW_NOT_FOUND', columnOf(unknown, 'w2'), "Window 'w2' not found"]]);
  });

  it('resolves a named window for a ranking function in a Top-N subquery too', () => {
    const top1 = 'SELECT auction, price FROM (SELECT auction, price, ROW_NUMBER() OVER w AS rn FROM bid WINDOW w AS (PARTITION BY auction ORDER BY price DESC)) WHERE rn <= 1';
    const kinds = compileJob(`${BID}${SINK}INSERT INTO out_sink ${top1};`).plan.vertices.flatMap((v) => v.operators.map((op) => op.kind));
    expect(kinds).toContain('rank');
  });

  it('refuses an OVER over an updating input, naming the node that produces the updates', () => {
    const top3 = 'SELECT auction, price, pt FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid) WHERE rn <= 3';
    const select = `auction, SUM(price) OVER (ORDER BY pt) FROM (${top3})`;
    expect(refused(select)).toEqual([
      ['NOT_SUPPORTED', columnOf(select, '(ORDER BY pt)'), "StreamPhysicalOverAggregate doesn't support consuming update changes which is produced by node rank(auction, price, ts, pt)"],
    ]);
  });

  it('explains the window, ordering and aggregates as Flink digests OverAggregate', () => {
    const explain = compileJob(`${BID}${SINK}INSERT INTO out_sink SELECT auction, SUM(price) OVER (PARTITION BY auction ORDER BY ts RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) FROM bid;`).explain();
    expect(explain).toContain('OverAggregate (partitionBy=[auction], orderBy=[ts ASC], window=[RANGE BETWEEN 60000 PRECEDING AND CURRENT ROW], select=[auction, price, ts, pt, SUM(price) AS w0$o0]) changelogMode=[I]');
    expect(explain).toContain('[HASH($0)]');
  });
});
