import { describe, expect, it } from 'vitest';
import { validateSql } from '../index';

const BID = "CREATE TABLE bid (auction BIGINT, price BIGINT, channel STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '10');\n";
const SINK = "CREATE TABLE out_sink (auction BIGINT, price BIGINT) WITH ('connector' = 'print');\n";

describe('validateSql', () => {
  it('accepts a valid script', () => {
    expect(validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT auction, price FROM bid WHERE price > 10;`)).toEqual([]);
  });

  it('reports a syntax error at the offending token, then keeps checking later statements', () => {
    const diagnostics = validateSql(`${BID}SELECT FROM bid;\nINSERT INTO nowhere SELECT 1 FROM bid;`);
    expect(diagnostics[0]).toMatchObject({ code: 'SQL_SYNTAX', line: 2, column: 8, message: 'expected an expression but found keyword FROM' });
    expect(diagnostics[1]).toMatchObject({ code: 'TABLE_NOT_FOUND', line: 3, column: 13 });
  });

  it('suggests the closest column and table names', () => {
    const diagnostics = validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT auction, prise FROM bid;\nINSERT INTO out_sink SELECT auction, price FROM bids;`);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "column 'prise' not found in table 'bid'; did you mean 'price'?",
      "table 'bids' not found; did you mean 'bid'?",
    ]);
    expect(diagnostics[0]).toMatchObject({ line: 3, column: 38, endLine: 3, endColumn: 43 });
  });

  it('checks checkpointing SET values with Flink\'s option names', () => {
    const diagnostics = validateSql(`SET 'execution.checkpointing.interval' = 'often';\nSET 'execution.checkpointing.mode' = 'AT_LEAST_ONCE';\nSET 'state.checkpoints.num-retained' = '0';\n${BID}${SINK}INSERT INTO out_sink SELECT auction, price FROM bid;`);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, "'execution.checkpointing.interval' must be a duration such as '10 s' or '1 min', got 'often'"],
      [3, "'state.checkpoints.num-retained' must be a positive integer, got '0'"],
    ]);
  });

  it('reports an unknown connector at its option value', () => {
    const [diagnostic] = validateSql("CREATE TABLE t (a INT) WITH (\n  'connector' = 'kafak'\n);");
    expect(diagnostic).toMatchObject({ code: 'CONNECTOR_NOT_FOUND', line: 2, column: 17 });
    expect(diagnostic.message).toBe("unknown connector 'kafak'");
  });

  it('reports unsupported and invalid connector options', () => {
    const sql = "CREATE TABLE g (a INT) WITH ('connector' = 'datagen', 'rows-per-secnd' = '5', 'fields.a.kind' = 'sequence');\n"
      + `${SINK}INSERT INTO out_sink SELECT a, a FROM g;`;
    const messages = validateSql(sql).map((d) => d.message);
    expect(messages).toEqual([
      "table 'g': unsupported option 'rows-per-secnd' for connector 'datagen'; did you mean 'rows-per-second'?",
    ]);
    const fixed = sql.replace("'rows-per-secnd' = '5', ", '');
    expect(validateSql(fixed).map((d) => d.message)).toEqual(["table 'g': a sequence needs both 'fields.a.start' and 'fields.a.end'"]);
  });

  it('rejects comparing incompatible types', () => {
    const [diagnostic] = validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT auction, price FROM bid WHERE channel = 1;`);
    expect(diagnostic.message).toBe('cannot compare STRING with INT NOT NULL');
  });

  it('checks INSERT column count and types against the sink', () => {
    const messages = validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT auction FROM bid;\nINSERT INTO out_sink SELECT auction, channel FROM bid;`).map((d) => d.message);
    expect(messages).toEqual([
      "INSERT INTO 'out_sink' expects 2 columns (auction, price) but the query returns 1",
      "cannot write STRING (query column 2 'channel') into column 'price' of type BIGINT; add a CAST",
    ]);
  });

  it('resolves nested ROW fields and suggests field names', () => {
    const table = "CREATE TABLE e (person ROW<id BIGINT, name STRING>) WITH ('connector' = 'datagen');\n";
    const sink = "CREATE TABLE s (id BIGINT) WITH ('connector' = 'blackhole');\n";
    expect(validateSql(`${table}${sink}INSERT INTO s SELECT person.id FROM e;`).map((d) => d.message)).toEqual([
      "table 'e': datagen cannot generate column 'person' of type ROW<`id` BIGINT, `name` STRING> yet",
    ]);
    expect(validateSql(`${table}${sink}INSERT INTO s SELECT person.idd FROM e;`).find((d) => d.code === 'FIELD_NOT_FOUND')?.message).toBe("field 'idd' not found in 'person'; did you mean 'id'?");
  });

  it('reports what is not supported yet at its span', () => {
    const [diagnostic] = validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT auction, price FROM bid ORDER BY price;`);
    expect(diagnostic).toMatchObject({ code: 'NOT_SUPPORTED', line: 3, column: 22, message: 'ORDER BY and LIMIT are not supported yet' });
  });

  it('applies --set style options as SET statements', () => {
    expect(validateSql(`${BID}${SINK}INSERT INTO out_sink SELECT auction, price FROM bid;`, { set: { 'parallelism.default': '2' } })).toEqual([]);
  });
});
