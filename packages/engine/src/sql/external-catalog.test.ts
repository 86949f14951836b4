import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { catalogOfTables, compileJob, startJob, validateSql, type CatalogTableEntry } from '../index';

const ORDERS: CatalogTableEntry = {
  catalog: 'default_catalog',
  database: 'default_database',
  name: 'orders',
  ddl: "CREATE TABLE orders (id INT, amount INT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1')",
  // As a connection's options would be: merged under the DDL's own.
  options: { 'fields.id.end': '5', 'fields.amount.min': '1', 'fields.amount.max': '1' },
};
const WAREHOUSE: CatalogTableEntry = {
  catalog: 'pg',
  database: 'public',
  name: 'totals',
  ddl: "CREATE TABLE totals (id INT, amount INT) WITH ('connector' = 'print')",
};
const catalog = catalogOfTables([ORDERS, WAREHOUSE]);

async function printed(sql: string): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await startJob(compileJob(sql, { catalog }), { stdout }).done;
  return out;
}

describe('tables from an external catalog', () => {
  it('are used by name, qualified or not, with the catalog options merged under the DDL', async () => {
    const out = await printed('INSERT INTO pg.public.totals SELECT id, amount FROM default_catalog.default_database.orders WHERE id > 3;');
    expect(out.trim().split('\n')).toEqual(['+I[4, 1]', '+I[5, 1]']);
  });

  it('follow USE CATALOG and USE, and an inline CREATE TABLE of the same name shadows them', async () => {
    const sql = `
CREATE TABLE orders (id INT, amount INT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '10', 'fields.id.end' = '11', 'fields.amount.min' = '2', 'fields.amount.max' = '2');
USE CATALOG pg;
USE public;
INSERT INTO totals SELECT id, amount FROM default_catalog.default_database.orders;`;
    expect(validateSql(sql, { catalog })).toEqual([]);
    expect((await printed(sql)).trim().split('\n')).toEqual(['+I[10, 2]', '+I[11, 2]']);
  });

  it('report unknown catalogs, databases and tables where the script names them', () => {
    const diagnostics = validateSql('USE CATALOG pq;\nUSE nope;\nDESCRIBE ordres;\nSHOW TABLES;', { catalog });
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['CATALOG_NOT_FOUND', 1, "catalog 'pq' does not exist; did you mean 'pg'?"],
      ['DATABASE_NOT_FOUND', 2, "database 'nope' does not exist in catalog 'default_catalog'"],
      ['TABLE_NOT_FOUND', 3, "table 'ordres' not found; did you mean 'orders'?"],
    ]);
  });

  it('report a broken catalog definition at the reference, with its own position', () => {
    const broken = catalogOfTables([{ ...ORDERS, ddl: "CREATE TABLE orders (id INTT) WITH ('connector' = 'datagen')" }, WAREHOUSE]);
    const [diagnostic] = validateSql('INSERT INTO pg.public.totals\nSELECT id, id FROM orders;', { catalog: broken });
    expect(diagnostic).toMatchObject({ code: 'CATALOG_TABLE_INVALID', line: 2, column: 20 });
    expect(diagnostic?.message).toMatch(/^catalog table 'orders' is invalid \(line 1, column 25 of its definition\): /);
  });
});

describe('functions from a catalog', () => {
  const shout = Object.assign((s: string | null) => (s === null ? null : `${s.toUpperCase()}!`), { resultType: 'STRING' });
  const SQL = "CREATE TABLE out_t (v STRING) WITH ('connector' = 'print');\nINSERT INTO out_t SELECT shout(v) FROM (VALUES ('a'), ('b')) AS t(v);";

  it('are called by name without CREATE FUNCTION', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await startJob(compileJob(SQL, { functions: { 'com.example.Shout': shout }, catalogFunctions: { shout: 'com.example.Shout' } }), { stdout }).done;
    expect(out.trim().split('\n')).toEqual(['+I[A!]', '+I[B!]']);
  });

  it("give way to the script's own CREATE FUNCTION of the same name", () => {
    const whisper = Object.assign((s: string | null) => s, { resultType: 'INT' });
    const diagnostics = validateSql(`CREATE FUNCTION shout AS 'com.example.Whisper';\n${SQL}`, { functions: { 'com.example.Shout': shout, 'com.example.Whisper': whisper }, catalogFunctions: { shout: 'com.example.Shout' } });
    expect(diagnostics.map((d) => d.code)).toEqual(['TYPE_MISMATCH']);
  });
});
