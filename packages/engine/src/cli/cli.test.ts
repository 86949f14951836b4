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
});
