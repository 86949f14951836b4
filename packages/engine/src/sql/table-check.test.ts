import { describe, expect, it } from 'vitest';
import { checkTableDefinition, previewTableRows } from '../index';

describe('checking a catalog table definition', () => {
  it('reads its name, columns and key, with merged options satisfying the connector', () => {
    const ddl = "CREATE TABLE out_t (\n  id INT,\n  v STRING,\n  PRIMARY KEY (id) NOT ENFORCED\n) WITH ('connector' = 'filesystem', 'format' = 'json')";
    expect(checkTableDefinition(ddl, { roles: ['source', 'sink'], options: { path: '/tmp/x' } })).toEqual({
      name: 'out_t', connector: 'filesystem', columns: [{ name: 'id', type: 'INT' }, { name: 'v', type: 'STRING' }], primaryKey: ['id'], diagnostics: [],
    });
  });

  it('positions each problem in the DDL: an option a role lacks, a bad type, a second statement', () => {
    const missing = checkTableDefinition("CREATE TABLE t (id INT) WITH (\n  'connector' = 'filesystem', 'format' = 'json')", { roles: ['sink'] });
    expect(missing.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['OPTION_MISSING', 1, "as a sink: missing required option 'path' for connector 'filesystem'"]]);
    expect(checkTableDefinition("CREATE TABLE t (id INTT) WITH ('connector' = 'datagen')", { roles: ['source'] }).diagnostics[0]).toMatchObject({ code: 'SQL_SYNTAX', line: 1, column: 20 });
    expect(checkTableDefinition("CREATE TABLE t (id INT) WITH ('connector' = 'datagen');\nSELECT 1", { roles: ['source'] }).diagnostics[0]).toMatchObject({ code: 'CATALOG_TABLE_INVALID', line: 2 });
  });
});

describe('previewing sampled messages with a DDL', () => {
  it('reads each message with its columns and format, naming the ones it cannot read', () => {
    const ddl = "CREATE TABLE t (id INT, at TIMESTAMP(3), tags ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '/x', 'format' = 'json')";
    const preview = previewTableRows(ddl, ['{"id": 1, "at": "2026-12-07T10:00:00.5Z", "tags": ["a"]}', '{"id": "x"}', 'not json'], {});
    expect(preview.columns).toEqual([{ name: 'id', type: 'INT' }, { name: 'at', type: 'TIMESTAMP(3)' }, { name: 'tags', type: 'ARRAY<STRING>' }]);
    expect(preview.rows[0]).toEqual({ values: { id: '1', at: '2026-12-07 10:00:00.5', tags: '["a"]' } });
    expect(preview.rows[1]?.values).toBeNull();
    expect(preview.rows[2]).toEqual({ values: null, error: 'malformed JSON' });
  });
});
