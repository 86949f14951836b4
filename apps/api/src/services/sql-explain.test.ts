import { ExplainGraph } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { explainSql } from './sql-explain';

const SQL = `CREATE TABLE bid (auction BIGINT, price BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
CREATE TABLE dim (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1/shop', 'table-name' = 'dim', 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '500');
CREATE TABLE totals (auction BIGINT, name STRING, total BIGINT, PRIMARY KEY (auction) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1/shop', 'table-name' = 'totals', 'sink.delivery-guarantee' = 'exactly-once');
SET 'parallelism.default' = '2';
INSERT INTO totals SELECT b.auction, d.name, SUM(b.price) FROM (SELECT *, PROCTIME() AS pt FROM bid) AS b
JOIN dim FOR SYSTEM_TIME AS OF b.pt AS d ON b.auction = d.id GROUP BY b.auction, d.name;`;

describe('explainSql', () => {
  it("answers a graph the contract parses unchanged (engine and contracts agree on its shape), with the platform's connectors", () => {
    const { graph, text } = explainSql(SQL, [], {});
    expect(ExplainGraph.parse(graph)).toEqual(graph);
    const operators = graph.vertices.flatMap((v) => v.operators);
    expect(operators.find((op) => op.kind === 'lookup_join')?.state.description).toBe('a cache of dimension rows per lookup key [id]: up to 500 rows, misses cached (lookup.cache PARTIAL)');
    expect(operators.find((op) => op.kind === 'table_sink')?.state).toMatchObject({ scope: 'subtask', description: expect.stringContaining('two-phase commit') });
    expect(graph.edges.map((e) => [e.partitioning, e.keys])).toEqual([['hash', ['auction', 'name']]]);
    expect(text).toContain('== Physical Plan ==');
  });

  it('refuses SQL that does not compile with its diagnostics, and a script without INSERT with the engine code', () => {
    const invalid = "CREATE TABLE t (id INT) WITH ('connector' = 'datagen');\nINSERT INTO t SELECT nope FROM t;";
    expect(() => explainSql(invalid, [], {})).toThrow(expect.objectContaining({ code: 'SQL_INVALID', details: { diagnostics: [expect.objectContaining({ line: 2, column: 22 })] } }));
    expect(() => explainSql("CREATE TABLE t (id INT) WITH ('connector' = 'datagen');", [], {})).toThrow(expect.objectContaining({ code: 'SQL_INVALID', details: { engineCode: 'NO_SINK' } }));
  });
});
