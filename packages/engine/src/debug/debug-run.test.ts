import { describe, expect, it } from 'vitest';
import { SqlError } from '../errors';
import { DebugRun } from './debug-run';

const LIMITS = { maxSeconds: 30, maxChanges: 1000, maxRows: 1000 };

const BIDS = `CREATE TABLE bids (
  auction BIGINT, price BIGINT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE out_t (auction BIGINT, wstart TIMESTAMP(3), total BIGINT) WITH ('connector' = 'print');
`;

describe('DebugRun', () => {
  it('fires every window at the end of typed input and captures the sink instead of printing', async () => {
    const sql = `${BIDS}INSERT INTO out_t SELECT auction, window_start, SUM(price) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end;`;
    const rows = [
      { auction: 1, price: 10, ts: '2026-01-01 10:00:01' },
      { auction: 1, price: 5, ts: '2026-01-01 10:00:09' },
      { auction: 2, price: '7', ts: '2026-01-01 10:00:03' },
      { auction: 1, price: 1, ts: '2026-01-01 10:00:12' },
    ];
    const result = await new DebugRun(sql, { inputs: { bids: { kind: 'rows', rows } }, limits: LIMITS }).done;
    expect(result.outcome).toBe('finished');
    const sink = result.sinks.find((s) => s.table === 'out_t');
    expect(sink?.columns.map((c) => c.name)).toEqual(['auction', 'wstart', 'total']);
    expect(sink?.changes.map((c) => c.kind)).toEqual(['+I', '+I', '+I']);
    expect(sink?.rows).toEqual(
      expect.arrayContaining([
        { auction: 1, wstart: '2026-01-01 10:00:00', total: 15 },
        { auction: 2, wstart: '2026-01-01 10:00:00', total: 7 },
        { auction: 1, wstart: '2026-01-01 10:00:10', total: 1 },
      ]),
    );
    expect(result.inputs).toEqual([{ table: 'bids', rows: 4, source: 'rows' }]);
    const source = result.vertices.find((v) => v.name === 'Source: bids');
    expect(source?.recordsOut).toBe(4);
  });

  it('shows an updating aggregate as retractions and materialises the final rows by key', async () => {
    const sql = `${BIDS}CREATE TABLE totals (auction BIGINT, total BIGINT, PRIMARY KEY (auction) NOT ENFORCED) WITH ('connector' = 'blackhole');
INSERT INTO totals SELECT auction, SUM(price) FROM bids GROUP BY auction;`;
    const rows = [{ auction: 1, price: 10 }, { auction: 1, price: 5 }, { auction: 2, price: 7 }];
    const result = await new DebugRun(sql, { inputs: { BIDS: { kind: 'rows', rows } }, limits: LIMITS }).done;
    const sink = result.sinks[0];
    expect(sink.upsertKey).toEqual(['auction']);
    expect(sink.changes.map((c) => `${c.kind}${c.row.auction}:${c.row.total}`)).toEqual(['+I1:10', '+U1:15', '+I2:7']);
    expect(sink.rows).toEqual([{ auction: 1, total: 15 }, { auction: 2, total: 7 }]);
    expect(sink.rowCount).toBe(2);
  });

  it('keeps the first maxChanges changes and counts the rest', async () => {
    const sql = `${BIDS}INSERT INTO out_t SELECT auction, ts, price FROM bids;`;
    const rows = Array.from({ length: 50 }, (_, i) => ({ auction: i, price: i, ts: '2026-01-01 10:00:00' }));
    const result = await new DebugRun(sql, { inputs: { bids: { kind: 'rows', rows } }, limits: { ...LIMITS, maxChanges: 10, maxRows: 5 } }).done;
    expect(result.sinks[0]).toMatchObject({ changeCount: 50, rowCount: 50, truncated: true });
    expect(result.sinks[0].changes).toHaveLength(10);
    expect(result.sinks[0].rows).toHaveLength(5);
  });

  it('names the source row a failing function was called on', async () => {
    const fail = Object.assign((price: number) => {
      if (price === 13) throw new Error('unlucky price');
      return price;
    }, { resultType: 'BIGINT' });
    const sql = `CREATE FUNCTION check_price AS 'com.example.CheckPrice';\n${BIDS}INSERT INTO out_t SELECT auction, ts, check_price(price) FROM bids;`;
    const rows = Array.from({ length: 3000 }, (_, i) => ({ auction: i, price: i === 2500 ? 13 : 1, ts: '2026-01-01 10:00:00' }));
    const result = await new DebugRun(sql, { compile: { functions: { 'com.example.CheckPrice': fail } }, inputs: { bids: { kind: 'rows', rows } }, limits: LIMITS }).done;
    expect(result.outcome).toBe('failed');
    expect(result.error?.message).toContain('unlucky price');
    expect(result.error?.row).toEqual({ table: 'bids', index: 2500, row: rows[2500] });
  });

  it('refuses inputs that do not fit the job, naming the field', () => {
    const sql = `${BIDS}INSERT INTO out_t SELECT auction, ts, price FROM bids;`;
    expect(() => new DebugRun(sql, { inputs: {}, limits: LIMITS })).toThrow(/inputs\.bids: the job reads source table 'bids'/);
    expect(() => new DebugRun(sql, { inputs: { bids: { kind: 'rows', rows: [] }, orders: { kind: 'rows', rows: [] } }, limits: LIMITS })).toThrow(/inputs\.orders: the job reads no table 'orders'/);
    expect(() => new DebugRun('SELEC 1', { inputs: {}, limits: LIMITS })).toThrow(SqlError);
  });

  it('rejects a typed value that does not fit its column, naming row and column', async () => {
    const sql = `${BIDS}INSERT INTO out_t SELECT auction, ts, price FROM bids;`;
    const result = await new DebugRun(sql, { inputs: { bids: { kind: 'rows', rows: [{ auction: 1 }, { auction: 'x' }] } }, limits: LIMITS }).done;
    expect(result.outcome).toBe('failed');
    expect(result.error?.message).toMatch(/debug input 'bids', row 2 column 'auction'/);
  });

  it('joins a dimension table from given rows', async () => {
    const sql = `${BIDS}CREATE TABLE dim (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'filesystem', 'path' = '/nonexistent', 'format' = 'json');
CREATE TABLE named (name STRING, price BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW b AS SELECT *, PROCTIME() AS pt FROM bids;
INSERT INTO named SELECT d.name, b.price FROM b JOIN dim FOR SYSTEM_TIME AS OF b.pt AS d ON b.auction = d.id;`;
    const result = await new DebugRun(sql, {
      inputs: { bids: { kind: 'rows', rows: [{ auction: 1, price: 3 }, { auction: 9, price: 4 }] }, dim: { kind: 'rows', rows: [{ id: 1, name: 'one' }] } },
      limits: LIMITS,
    }).done;
    expect(result.sinks[0].rows).toEqual([{ name: 'one', price: 3 }]);
  });

  it('captures rows from the live source up to maxRows and returns them as the run inputs', async () => {
    const sql = `CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000');
CREATE TABLE out_t (id BIGINT) WITH ('connector' = 'print');
INSERT INTO out_t SELECT id * 10 FROM gen;`;
    const run = new DebugRun(sql, { inputs: { gen: { kind: 'capture', maxRows: 5, maxSeconds: 10 } }, limits: LIMITS });
    const result = await run.done;
    expect(result.inputs).toEqual([{ table: 'gen', rows: 5, source: 'capture' }]);
    expect(run.readInputs().gen).toEqual([1, 2, 3, 4, 5].map((id) => ({ id })));
    expect(result.sinks[0].rows.map((r) => r.id)).toEqual([10, 20, 30, 40, 50]);
  });
});
