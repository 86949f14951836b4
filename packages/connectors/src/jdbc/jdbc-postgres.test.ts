import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type TestDatabase } from '../testing/databases';
import { runSql } from '../testing/run-sql';

let db: TestDatabase;

beforeAll(async () => {
  db = await createPostgresDatabase();
  await db.query(`CREATE TABLE "Order Items" (
    id BIGINT PRIMARY KEY, "Item Name" TEXT, price NUMERIC(38, 2), qty INT, paid BOOLEAN,
    ordered_at TIMESTAMP(3), seen_at TIMESTAMPTZ(3), day DATE, tags TEXT[], scores INT[], attrs JSONB)`);
  await db.query(`INSERT INTO "Order Items" VALUES
    (1, 'tea', 12345678901.34, 2, true, '2024-01-01 10:00:01.5', '2024-01-01 10:00:01.5+02', '2024-01-01', '{a,b}', '{1,2}', '{"color": "red", "size": 3}'),
    (2, 'cake''s', 0.10, 1, false, '2024-01-02 11:30:00', '2024-01-02 11:30:00Z', '2024-01-02', '{}', NULL, NULL),
    (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
  const values = Array.from({ length: 100 }, (_, i) => `(${i + 1}, ${(i + 1) % 7})`).join(', ');
  await db.query(`CREATE TABLE numbers (n INT PRIMARY KEY, m INT)`);
  await db.query(`INSERT INTO numbers VALUES ${values}`);
});

afterAll(async () => {
  await db?.drop();
});

const itemsDdl = () => `CREATE TABLE items (
    id BIGINT, \`Item Name\` STRING, price DECIMAL(38, 2), qty INT, paid BOOLEAN, ordered_at TIMESTAMP(3), seen_at TIMESTAMP_LTZ(3), \`day\` DATE,
    tags ARRAY<STRING>, scores ARRAY<INT>, attrs ROW<color STRING, size INT>
  ) WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'Order Items');`;

describe('jdbc connector on PostgreSQL', () => {
  it('scans a table with quoted names, exact decimals, timestamps, arrays and JSON', async () => {
    const { job, lines } = runSql(`${itemsDdl()}
      CREATE TABLE out (id BIGINT, name STRING, price DECIMAL(38, 2), qty INT, paid BOOLEAN, ordered_at TIMESTAMP(3), seen STRING, d DATE, tags ARRAY<STRING>, scores ARRAY<INT>, color STRING, size INT) WITH ('connector' = 'print');
      INSERT INTO out SELECT id, \`Item Name\`, price, qty, paid, ordered_at, CAST(seen_at AS STRING), \`day\`, tags, scores, attrs.color, attrs.size FROM items;`);
    await job.done;
    expect(lines).toEqual([
      '+I[1, tea, 12345678901.34, 2, true, 2024-01-01T10:00:01.500, 2024-01-01 08:00:01.500, 2024-01-01, [a, b], [1, 2], red, 3]',
      "+I[2, cake's, 0.10, 1, false, 2024-01-02T11:30, 2024-01-02 11:30:00.000, 2024-01-02, [], null, null, null]",
      '+I[3, null, null, null, null, null, null, null, null, null, null, null]',
    ]);
  });

  it('splits a scan into ranges of the partition column over parallel subtasks, each row read once', async () => {
    const { job, lines } = runSql(`SET 'parallelism.default' = '3';
      CREATE TABLE numbers (n INT, m INT) WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'numbers',
        'scan.partition.column' = 'n', 'scan.partition.num' = '7', 'scan.partition.lower-bound' = '1', 'scan.partition.upper-bound' = '100', 'scan.fetch-size' = '8');
      CREATE TABLE out (m INT, c BIGINT, s BIGINT) WITH ('connector' = 'print');
      INSERT INTO out SELECT m, COUNT(*), SUM(n) FROM numbers GROUP BY m;`);
    await job.done;
    const finals = new Map<string, string>();
    for (const line of lines) {
      const m = /^\d*>?\s*[+-][IU]\[(\d+), (\d+), (\d+)\]$/.exec(line);
      if (m && !line.includes('-U')) finals.set(m[1], `${m[2]}/${m[3]}`);
    }
    const expected = new Map<string, string>();
    for (let m = 0; m < 7; m++) {
      const ns = Array.from({ length: 100 }, (_, i) => i + 1).filter((n) => n % 7 === m);
      expected.set(String(m), `${ns.length}/${ns.reduce((a, b) => a + b, 0)}`);
    }
    expect(finals).toEqual(expected);
  });

  it('upserts an aggregate by its PRIMARY KEY and deletes what the changelog retracts', async () => {
    await db.query('CREATE TABLE totals (m INT PRIMARY KEY, c BIGINT, s BIGINT)');
    const { job } = runSql(`CREATE TABLE numbers (n INT, m INT) WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'numbers');
      CREATE TABLE totals (m INT, c BIGINT, s BIGINT, PRIMARY KEY (m) NOT ENFORCED) WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'totals', 'sink.buffer-flush.max-rows' = '5');
      INSERT INTO totals SELECT m, COUNT(*), SUM(n) FROM numbers WHERE m > 0 GROUP BY m;`);
    await job.done;
    const rows = await db.query('SELECT m, c::int AS c, s::int AS s FROM totals ORDER BY m');
    expect(rows).toEqual([1, 2, 3, 4, 5, 6].map((m) => {
      const ns = Array.from({ length: 100 }, (_, i) => i + 1).filter((n) => n % 7 === m);
      return { m, c: ns.length, s: ns.reduce((a, b) => a + b, 0) };
    }));
  });

  it('appends rows with every type back into PostgreSQL, reading them back equal', async () => {
    await db.query(`CREATE TABLE "Copy" (LIKE "Order Items")`);
    const { job } = runSql(`${itemsDdl()}
      CREATE TABLE copy (id BIGINT, \`Item Name\` STRING, price DECIMAL(38, 2), qty INT, paid BOOLEAN, ordered_at TIMESTAMP(3), seen_at TIMESTAMP_LTZ(3), \`day\` DATE,
        tags ARRAY<STRING>, scores ARRAY<INT>, attrs ROW<color STRING, size INT>) WITH ('connector' = 'jdbc', ${db.options}, 'table-name' = 'Copy');
      INSERT INTO copy SELECT * FROM items;`);
    await job.done;
    const original = await db.query(`SELECT * FROM "Order Items" ORDER BY id`);
    const copied = await db.query(`SELECT * FROM "Copy" ORDER BY id`);
    expect(copied).toEqual(original);
  });

  it('says which database, user and option are wrong', async () => {
    const bad = runSql(`CREATE TABLE t (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:5432/no_such_db_weir', 'username' = 'postgres', 'table-name' = 't');
      CREATE TABLE out (id INT) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM t;`);
    await expect(bad.job.done).rejects.toThrow(/cannot connect \(PostgreSQL at 127\.0\.0\.1:5432\/no_such_db_weir as 'postgres'\): database "no_such_db_weir" does not exist \[3D000\]/);
    const { allConnectors } = await import('../index');
    const jdbc = allConnectors().require('jdbc');
    expect(jdbc.validate?.({ table: 't', options: { connector: 'jdbc', url: 'postgres://x', 'table-name': 't' }, fields: [] }, 'source')?.[0]).toMatchObject({ option: 'url' });
    expect(jdbc.validate?.({ table: 't', options: { connector: 'jdbc', url: db.url, 'table-name': 't', 'scan.partition.column': 'id' }, fields: [] }, 'source')?.[0]).toMatchObject({
      option: 'scan.partition.column', message: expect.stringContaining("'scan.partition.num', 'scan.partition.lower-bound', 'scan.partition.upper-bound' missing"),
    });
  });
});
