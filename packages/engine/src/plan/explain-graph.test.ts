import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileJob, explainGraph, type ExplainGraph, type ExplainOperator } from '../index';

// shared/ stands beside the repository, in CI as on a developer's machine.
const QUERIES_DIR = fileURLToPath(new URL('../../../../../shared/nexmark/queries', import.meta.url));

/** The script the Nexmark runner submits: generator, views and the query, placeholders filled in. */
function nexmark(query: string): string {
  const text = ['ddl_gen.sql', 'ddl_views.sql', `${query}.sql`].map((file) => `${readFileSync(join(QUERIES_DIR, file), 'utf8').trimEnd().replace(/;$/, '')};\n`).join('\n');
  return text.replace(/\$\{(\w+)\}/g, (_, name: string) => (name === 'NEXMARK_TABLE' ? 'datagen' : name === 'FLINK_HOME' || name === 'NEXMARK_DIR' ? '/tmp/weir-explain' : '1000'));
}

function graphOf(sql: string, set: Record<string, string> = { 'parallelism.default': '4' }): ExplainGraph {
  return explainGraph(compileJob(sql, { set }).plan);
}

function operator(graph: ExplainGraph, kind: ExplainOperator['kind']): ExplainOperator {
  const found = graph.vertices.flatMap((v) => v.operators).find((op) => op.kind === kind);
  if (!found) throw new Error(`no ${kind} operator in ${graph.vertices.map((v) => v.name).join(' | ')}`);
  return found;
}

const edgeSummary = (graph: ExplainGraph) => graph.edges.map((e) => `${e.source}->${e.target}:${e.partitioning}[${e.keys.join(',')}]#${e.targetInput} ${e.changelogMode}`);

describe('explainGraph over Nexmark', () => {
  it('q5: hashes bids by auction into the HOP window, and both window results onto one subtask for the window join', () => {
    const graph = graphOf(nexmark('q5'));
    expect(graph.vertices.map((v) => [v.id, v.name, v.parallelism])).toEqual([
      ['v1', 'Source: datagen -> Calc', 4],
      ['v2', 'WindowAggregate', 4],
      ['v3', 'Calc', 4],
      ['v4', 'Calc', 4],
      ['v5', 'WindowAggregate -> Calc', 4],
      ['v6', 'WindowJoin(joinType=[INNER]) -> Calc -> Sink: nexmark_q5', 4],
    ]);
    expect(edgeSummary(graph)).toEqual([
      'v1->v2:hash[auction]#0 I',
      'v2->v3:forward[]#0 I',
      'v2->v4:forward[]#0 I',
      'v4->v5:hash[]#0 I',
      'v3->v6:hash[]#0 I',
      'v5->v6:hash[]#1 I',
    ]);
    const window = operator(graph, 'window_aggregate');
    expect(window.description).toBe('WindowAggregate (groupBy=[auction], window=[HOP], select=[auction, COUNT(*) AS num])');
    expect(window.state).toEqual({
      scope: 'keyed',
      description: 'accumulators of COUNT(*) per key [auction] and HOP window (size 10 s, slide 2 s), until the window fires at the watermark',
      keys: ['auction'],
      ttlMs: null,
    });
    const maxOfWindow = graph.vertices[4]?.operators[0];
    expect(maxOfWindow?.state.description).toBe('accumulators of MAX(num) per upstream window [starttime, endtime), until the window fires at the watermark');
    expect(operator(graph, 'window_join').state.description).toBe('rows of both sides per window until the window fires at the watermark');
    expect(operator(graph, 'table_source').state).toMatchObject({ scope: 'subtask', description: 'read position of each split, checkpointed so a restore resumes after the last row read' });
    expect(operator(graph, 'table_sink').state).toMatchObject({ scope: 'none', description: 'none: writes through (at least once under checkpointing)' });
    expect(operator(graph, 'calc').state.scope).toBe('none');
  });

  it('q7: an interval join keyed by price on the left and maxprice on the right, with its time bound', () => {
    const graph = graphOf(nexmark('q7'));
    expect(edgeSummary(graph)).toEqual(['v2->v3:hash[]#0 I', 'v1->v4:hash[price]#0 I', 'v3->v4:hash[maxprice]#1 I']);
    expect(operator(graph, 'interval_join').state).toEqual({
      scope: 'keyed',
      description: 'rows of both sides per join key (left [price], right [maxprice]) within the interval R.dateTime - 10 s <= L.dateTime <= R.dateTime, dropped once the watermark passes it',
      keys: ['price'],
      ttlMs: null,
    });
    expect(operator(graph, 'window_aggregate').state.description).toBe('accumulators of MAX(price) per TUMBLE window (size 10 s), until the window fires at the watermark');
  });

  it('q8: window aggregates keyed by (id, name) and seller feed a window join keyed by id and seller', () => {
    const graph = graphOf(nexmark('q8'));
    expect(edgeSummary(graph)).toEqual(['v1->v2:hash[id,name]#0 I', 'v3->v4:hash[seller]#0 I', 'v2->v5:hash[id]#0 I', 'v4->v5:hash[seller]#1 I']);
    expect(graph.vertices.flatMap((v) => v.operators).filter((op) => op.kind === 'window_aggregate').map((op) => op.state.description)).toEqual([
      'an entry per key [id, name] and TUMBLE window (size 10 s), until the window fires at the watermark',
      'an entry per key [seller] and TUMBLE window (size 10 s), until the window fires at the watermark',
    ]);
    expect(operator(graph, 'window_join').state).toMatchObject({ keys: ['id'], description: 'rows of both sides per window and join key (left [id], right [seller]) until the window fires at the watermark' });
  });

  it("q3: a regular join's rows per key expire with table.exec.state.ttl", () => {
    const graph = graphOf(nexmark('q3'), { 'parallelism.default': '2', 'table.exec.state.ttl': '1 h' });
    expect(edgeSummary(graph)).toEqual(['v1->v3:hash[seller]#0 I', 'v2->v3:hash[id]#1 I']);
    expect(operator(graph, 'join').state).toEqual({
      scope: 'keyed',
      description: 'rows of both sides per join key: left [seller], right [id]; idle keys dropped after 1 h (table.exec.state.ttl)',
      keys: ['seller'],
      ttlMs: 3_600_000,
    });
  });

  it('q18: keeps the last bid per (bidder, auction), and says so on an updating edge into an upsert sink', () => {
    const graph = graphOf(nexmark('q18'));
    expect(operator(graph, 'deduplicate').state).toMatchObject({ scope: 'keyed', description: 'the last row per key [bidder, auction]', keys: ['bidder', 'auction'] });
    expect(operator(graph, 'deduplicate').changelogMode).toBe('I,UA');
    expect(edgeSummary(graph)).toEqual(['v1->v2:hash[bidder,auction]#0 I']);
  });

  it('q13: a lookup join on a file side input holds the whole table (FULL cache by default)', () => {
    const graph = graphOf(nexmark('q13'));
    expect(operator(graph, 'lookup_join').state).toMatchObject({ scope: 'subtask', description: 'the whole dimension table by lookup key [key], loaded once (lookup.cache FULL)' });
  });

  it('q10: a filesystem sink stages its part files for two-phase commit', () => {
    const graph = graphOf(nexmark('q10'));
    expect(operator(graph, 'table_sink').state.description).toBe('in-progress part files, staged at each checkpoint and published when it completes (two-phase commit, under exactly-once checkpointing)');
  });
});

describe('explainGraph', () => {
  const SOURCE = "CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');\n";

  it('names the group key and the retraction of an aggregate over updates, and carries its changelog on the edge', () => {
    const graph = graphOf(`${SOURCE}CREATE TABLE s (c BIGINT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO s SELECT c, COUNT(*) FROM (SELECT auction, COUNT(*) AS c FROM bid GROUP BY auction) GROUP BY c;`);
    const aggregates = graph.vertices.flatMap((v) => v.operators).filter((op) => op.kind === 'group_aggregate');
    expect(aggregates.map((op) => [op.state.description, op.changelogMode])).toEqual([
      ['accumulators of COUNT(*) per group key [auction]', 'I,UB,UA'],
      ['retractable accumulators of COUNT(*) per group key [c]', 'I,UB,UA,D'],
    ]);
    expect(edgeSummary(graph)).toEqual(['v1->v2:hash[auction]#0 I', 'v2->v3:hash[c]#0 I,UB,UA']);
  });

  it('keeps the top N rows per partition key', () => {
    const graph = graphOf(`${SOURCE}CREATE TABLE s (auction BIGINT, price BIGINT) WITH ('connector' = 'print');
INSERT INTO s SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid) WHERE rn <= 3;`);
    expect(operator(graph, 'rank').state).toMatchObject({ description: 'the top 3 rows per partition key [auction]', keys: ['auction'] });
  });
});
