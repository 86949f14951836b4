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
});
