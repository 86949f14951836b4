import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { countChar } from '../../../bench/udf/count-char';
import { compileJob, compileJobAsync, startJob, validateSql } from '../../index';

const SOURCE = `CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '2');
CREATE TABLE out_sink (n BIGINT) WITH ('connector' = 'print');`;

async function run(job: ReturnType<typeof compileJob>): Promise<string> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  await startJob(job, { stdout, stderr: stdout }).done;
  return chunks.join('');
}

describe('user-defined functions', () => {
  it('runs a Java class name resolved through CompileOptions.functions (Nexmark q14 CountChar)', async () => {
    const sql = `${SOURCE}\nCREATE FUNCTION count_char AS 'com.github.nexmark.flink.udf.CountChar';\nINSERT INTO out_sink SELECT count_char(CAST(id AS STRING) || 'aa', 'a') FROM src;`;
    const job = compileJob(sql, { functions: { 'com.github.nexmark.flink.udf.CountChar': countChar } });
    expect(await run(job)).toBe('+I[2]\n+I[2]\n');
  });

  it('reports an unresolvable identifier at the identifier', () => {
    const diagnostics = validateSql(`CREATE FUNCTION f AS 'com.example.Missing';`);
    expect(diagnostics[0]).toMatchObject({ code: 'UDF_LOAD_FAILED', line: 1, column: 22 });
    expect(diagnostics[0].message).toMatch(/^cannot load function 'com.example.Missing': /);
  });

  it('loads a module relative to baseDir with compileJobAsync, and validates without loading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weir-udf-'));
    writeFileSync(join(dir, 'twice.mjs'), "export const twice = { eval: (x) => (x === null ? null : x * 2), resultType: 'BIGINT', argumentTypes: ['BIGINT'] };\n");
    const sql = `${SOURCE}\nCREATE TEMPORARY FUNCTION twice AS './twice.mjs#twice' LANGUAGE JS;\nINSERT INTO out_sink SELECT twice(id) FROM src;`;
    expect(validateSql(sql, { baseDir: dir })).toEqual([]);
    expect(() => compileJob(sql, { baseDir: dir })).toThrow(/compileJobAsync/);
    expect(await run(await compileJobAsync(sql, { baseDir: dir }))).toBe('+I[2]\n+I[4]\n');
    expect(validateSql(sql, { baseDir: join(dir, 'elsewhere') })[0].message).toMatch(/does not exist/);
  });
});
