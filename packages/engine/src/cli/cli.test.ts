import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/weir.js', import.meta.url).pathname;

describe('weir CLI', () => {
  it('validate prints FILE:LINE:COL: message and exits 1 on errors', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'weir-cli-')), 'bad.sql');
    writeFileSync(file, "CREATE TABLE bid (price BIGINT) WITH ('connector' = 'datagen');\nCREATE TABLE s (price BIGINT) WITH ('connector' = 'blackhole');\nINSERT INTO s SELECT prise FROM bid;\n");
    const result = spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8' });
    expect(result.stdout).toBe(`${file}:3:22: column 'prise' not found in table 'bid'; did you mean 'price'?\n`);
    expect(result.status).toBe(1);
  });

  it('run --checkpoint-dir checkpoints, and --restore latest goes on from the newest checkpoint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weir-cli-'));
    const file = join(dir, 'count.sql');
    writeFileSync(file, "CREATE TABLE g (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '6', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '6');\n"
      + "CREATE TABLE s (n BIGINT) WITH ('connector' = 'print');\nINSERT INTO s SELECT COUNT(*) FROM g;\n");
    const first = spawnSync(process.execPath, [BIN, 'run', file, '--checkpoint-dir', join(dir, 'ckpt')], { encoding: 'utf8' });
    expect(first.stderr).toMatch(/weir: checkpoint 1 COMPLETED file:\/\/.*\/ckpt\/chk-1/);
    expect(first.stdout.trim().split('\n').pop()).toBe('+U[6]');
    // Restored after the end of its input, the job has nothing left to read: it prints nothing more.
    const second = spawnSync(process.execPath, [BIN, 'run', file, '--checkpoint-dir', join(dir, 'ckpt'), '--restore', 'latest'], { encoding: 'utf8' });
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/checkpoint 2 COMPLETED/);
    const refused = spawnSync(process.execPath, [BIN, 'run', file, '--restore', 'latest'], { encoding: 'utf8' });
    expect(refused.stderr).toContain("--restore needs --checkpoint-dir or SET 'execution.checkpointing.dir'");
    expect(refused.status).toBe(1);
  }, 60_000);
  it('runs a job naming a Java UDF class with the --function mapping to a JavaScript export, and says how when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weir-cli-'));
    const file = join(dir, 'udf.sql');
    writeFileSync(file, "CREATE FUNCTION count_char AS 'com.github.nexmark.flink.udf.CountChar';\n"
      + "CREATE TABLE s (n BIGINT) WITH ('connector' = 'print');\n"
      + "INSERT INTO s SELECT count_char(v, 'c') FROM (VALUES ('abc'), ('ccc'), (CAST(NULL AS STRING))) AS t(v);\n");
    writeFileSync(join(dir, 'count-char.mjs'), "export function countChar(s, c) { return s === null ? 0 : s.split(c).length - 1; }\ncountChar.resultType = 'BIGINT';\n");
    const mapped = spawnSync(process.execPath, [BIN, 'run', file, '--function', 'com.github.nexmark.flink.udf.CountChar=./count-char.mjs#countChar'], { cwd: dir, encoding: 'utf8' });
    expect(mapped.stderr).toBe('');
    expect(mapped.stdout.trim().split('\n')).toEqual(['+I[1]', '+I[3]', '+I[0]']);

    const unmapped = spawnSync(process.execPath, [BIN, 'validate', file], { cwd: dir, encoding: 'utf8' });
    expect(unmapped.status).toBe(1);
    expect(unmapped.stdout).toContain("weir run --function 'com.github.nexmark.flink.udf.CountChar=./udf/fn.ts#fn'");

    const wrongExport = spawnSync(process.execPath, [BIN, 'run', file, '--function', 'com.github.nexmark.flink.udf.CountChar=./count-char.mjs#nope'], { cwd: dir, encoding: 'utf8' });
    expect(wrongExport.status).toBe(1);
    expect(wrongExport.stderr).toBe("weir: cannot load function 'com.github.nexmark.flink.udf.CountChar' from './count-char.mjs#nope': the module has no export 'nope' [UDF_LOAD_FAILED]\n");
  }, 60_000);
});
