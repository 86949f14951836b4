import { describe, expect, it } from 'vitest';
import { validateSql } from '../index';

const TABLES = `CREATE TABLE bid (auction BIGINT, price BIGINT, ts TIMESTAMP(3), rt TIMESTAMP(3), WATERMARK FOR rt AS rt) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE s (a BIGINT, b BIGINT) WITH ('connector' = 'print');
`;

function firstError(query: string): unknown {
  return validateSql(`${TABLES}${query}`)[0];
}

describe('aggregate and window binding', () => {
  it('reports a column that is neither grouped nor aggregated at its span', () => {
    expect(firstError('INSERT INTO s SELECT auction, price FROM bid GROUP BY auction;')).toMatchObject({
      code: 'NOT_GROUPED', message: "Expression 'price' is not being grouped", line: 3, column: 31,
    });
  });

  it('requires a time attribute for window TVFs and legacy group windows', () => {
    expect(firstError('INSERT INTO s SELECT COUNT(*), 1 FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL \'1\' SECOND)) GROUP BY window_start, window_end;')).toMatchObject({
      code: 'TYPE_MISMATCH', message: 'The window function requires the timecol is a time attribute type, but is TIMESTAMP(3).', line: 3,
    });
    expect(firstError('INSERT INTO s SELECT COUNT(*), 1 FROM bid GROUP BY TUMBLE(ts, INTERVAL \'1\' SECOND);')).toMatchObject({
      code: 'TYPE_MISMATCH', message: 'Window aggregate can only be defined over a time attribute column, but TIMESTAMP(3) encountered.', line: 3, column: 59,
    });
  });

  it('rejects nested aggregates and unknown aggregate arities', () => {
    expect(firstError('INSERT INTO s SELECT auction, SUM(COUNT(*)) FROM bid GROUP BY auction;')).toMatchObject({ code: 'INVALID_CALL', message: 'aggregate function calls cannot be nested' });
    expect(firstError('INSERT INTO s SELECT auction, SUM(price, price) FROM bid GROUP BY auction;')).toMatchObject({ code: 'INVALID_CALL', message: 'SUM expects 1 argument' });
  });

  it('requires SESSION PARTITION BY columns to be grouped on', () => {
    expect(firstError("INSERT INTO s SELECT COUNT(*), 1 FROM TABLE(SESSION(TABLE bid PARTITION BY auction, DESCRIPTOR(rt), INTERVAL '1' SECOND)) GROUP BY window_start, window_end;")).toMatchObject({
      code: 'NOT_SUPPORTED', message: 'a SESSION PARTITION BY column must also be in GROUP BY',
    });
  });

  it('checks the degree of a column alias list', () => {
    expect(firstError('INSERT INTO s SELECT x, y FROM (SELECT auction, price FROM bid) AS t(x);')).toMatchObject({
      code: 'COLUMN_COUNT_MISMATCH',
      message: "List of column aliases must have same degree as table; table has 2 columns ('auction', 'price'), whereas alias list has 1 columns",
    });
  });

  it('accepts window aggregates, grouping sets and SELECT DISTINCT', () => {
    expect(validateSql(`${TABLES}INSERT INTO s SELECT COUNT(*), SUM(price) FROM TABLE(HOP(TABLE bid, DESCRIPTOR(rt), INTERVAL '1' SECOND, INTERVAL '5' SECOND)) GROUP BY window_start, window_end;
INSERT INTO s SELECT auction, SUM(price) FROM bid GROUP BY GROUPING SETS ((auction), ());
INSERT INTO s SELECT DISTINCT auction, price FROM bid;`)).toEqual([]);
  });
});
