import { describe, expect, it } from 'vitest';
import { SqlError } from '../../errors';
import { formatSql } from './format-sql';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('formatSql', () => {
  it('lays out a windowed aggregate clause by clause, its SELECT list one item per line when long', () => {
    const sql = "insert into totals select window_start, window_end, auction, count(*) as bids, sum(price) as volume, max(price) filter (where channel = 'app') as top from table(tumble(table bid, descriptor(dateTime), interval '10' second)) where price > 0 group by window_start, window_end, auction having count(*) > 1";
    expect(formatSql(sql)).toBe(lines(
      'INSERT INTO totals',
      'SELECT',
      '  window_start,',
      '  window_end,',
      '  auction,',
      '  count(*) AS bids,',
      '  sum(price) AS volume,',
      "  max(price) FILTER (WHERE channel = 'app') AS top",
      "FROM TABLE(tumble(TABLE bid, descriptor(dateTime), INTERVAL '10' SECOND))",
      'WHERE price > 0',
      'GROUP BY window_start, window_end, auction',
      'HAVING count(*) > 1',
    ));
  });

  it('breaks a window TVF call that does not fit: first around the call, then argument by argument', () => {
    const sql = "SELECT * FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND));\n"
      + "SELECT * FROM TABLE(HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))";
    expect(formatSql(sql)).toBe(lines(
      'SELECT *',
      'FROM TABLE(',
      "  HOP(TABLE bid, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)",
      ');',
      '',
      'SELECT *',
      'FROM TABLE(',
      '  HOP(',
      '    TABLE bid,',
      '    DESCRIPTOR(`dateTime`),',
      "    INTERVAL '2' SECOND,",
      "    INTERVAL '10' SECOND",
      '  )',
      ')',
    ));
  });

  it('puts each JOIN on its own line with ON indented under it and long conditions broken before AND', () => {
    const sql = 'select a.id, b.name from auction a join (select id, name from person where state in (\'OR\', \'ID\')) as b on a.seller = b.id and a.category = 10 and a.reserve > a.initialBid and a.expires > a.dateTime left outer join customers for system_time as of a.proc_time as c on a.seller = c.id where a.price between 10 and 20';
    expect(formatSql(sql)).toBe(lines(
      'SELECT a.id, b.name',
      'FROM auction a',
      'JOIN (',
      '  SELECT id, name',
      '  FROM person',
      "  WHERE state IN ('OR', 'ID')",
      ') AS b',
      '  ON a.seller = b.id',
      '    AND a.category = 10',
      '    AND a.reserve > a.initialBid',
      '    AND a.expires > a.dateTime',
      'LEFT OUTER JOIN customers FOR SYSTEM_TIME AS OF a.proc_time AS c',
      '  ON a.seller = c.id',
      'WHERE a.price BETWEEN 10 AND 20',
    ));
  });

  it('lays out CREATE TABLE with a column per line, its WATERMARK, and a WITH option per line', () => {
    const sql = "create table orders (order_id bigint, `key` string, watermark timestamp(3), ts timestamp(3), amount decimal(10, 2), payload row<a int, b map<string, int>>, primary key (order_id) not enforced, watermark for ts as ts - interval '5' second) with ('connector' = 'kafka', 'topic' = 'it''s', 'format' = 'json');";
    expect(formatSql(sql)).toBe(lines(
      'CREATE TABLE orders (',
      '  order_id BIGINT,',
      '  `key` STRING,',
      '  watermark TIMESTAMP(3),',
      '  ts TIMESTAMP(3),',
      '  amount DECIMAL(10, 2),',
      '  payload ROW<a INT, b MAP<STRING, INT>>,',
      '  PRIMARY KEY (order_id) NOT ENFORCED,',
      "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND",
      ') WITH (',
      "  'connector' = 'kafka',",
      "  'topic' = 'it''s',",
      "  'format' = 'json'",
      ');',
    ));
  });

  it('keeps line, block and hint comments where they were, and blank lines beside comments', () => {
    const sql = [
      '-- header comment',
      '',
      '/* block',
      '   comment */',
      "SELECT /*+ OPTIONS('a' = 'b') */ a, -- the id",
      '  b /* inline */ , `we``ird` FROM t;',
      '-- between',
      "SET 'parallelism.default' = '2'",
      '-- at the end',
    ].join('\n');
    expect(formatSql(sql)).toBe(lines(
      '-- header comment',
      '',
      '/* block',
      '   comment */',
      "SELECT /*+ OPTIONS('a' = 'b') */",
      '  a, -- the id',
      '  b /* inline */,',
      '  `we``ird`',
      'FROM t;',
      '',
      '-- between',
      "SET 'parallelism.default' = '2'",
      '-- at the end',
    ));
  });

  it('upper-cases keywords and type names but keeps names, even keyword-like ones, as written', () => {
    expect(formatSql('select `value`.key, t.value, watermark, count(Distinct Price) from t where t.type is not null;')).toBe(lines(
      'SELECT `value`.key, t.value, watermark, count(DISTINCT Price)',
      'FROM t',
      'WHERE t.type IS NOT NULL;',
    ));
  });

  it('keeps signs apart where joining them would make a comment or another token', () => {
    expect(formatSql("select - -1, -x, a - -1, 1 . 5, 'it''s' 'joined' from t")).toBe(lines(
      "SELECT - -1, -x, a - -1, 1 . 5, 'it''s' 'joined'",
      'FROM t',
    ));
  });

  it('separates statements by a blank line and indents the INSERTs of a statement set', () => {
    expect(formatSql('SET \'a\' = \'1\';RESET;EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM b; INSERT INTO c SELECT * FROM d; END;')).toBe(lines(
      "SET 'a' = '1';",
      '',
      'RESET;',
      '',
      'EXECUTE STATEMENT SET',
      'BEGIN',
      '  INSERT INTO a',
      '  SELECT *',
      '  FROM b;',
      '',
      '  INSERT INTO c',
      '  SELECT *',
      '  FROM d;',
      'END;',
    ));
  });

  it('formats SQL that lexes but does not parse, keeping its tokens', () => {
    const sql = 'select from where ( ;';
    const formatted = formatSql(sql);
    expect(formatted).toBe(lines('SELECT', 'FROM', 'WHERE (;'));
    expect(formatSql(formatted)).toBe(formatted);
  });

  it('refuses SQL the lexer cannot read with an SqlError at each problem', () => {
    const error = thrownBy(() => formatSql("SELECT 1;\nSELECT 'open FROM t"));
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).message).toBe('2:8: unterminated string literal');
    expect((error as SqlError).diagnostics).toEqual([{ severity: 'error', code: 'SQL_SYNTAX', message: 'unterminated string literal', line: 2, column: 8, endLine: 2, endColumn: 20 }]);
  });

  it('returns nothing for a script with no tokens or comments', () => {
    expect(formatSql(' \n\t')).toBe('');
  });
});
