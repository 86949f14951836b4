import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAdminPassword } from './admin-password';

describe('writeAdminPassword', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'weir-admin-password-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a generated password readable by its owner only', async () => {
    const where = await writeAdminPassword(join(dir, 'data'), 'generated-secret', false);
    const path = join(dir, 'data', 'admin-password');
    expect(where).toBe(path);
    expect(await readFile(path, 'utf8')).toBe('generated-secret\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('removes a stale file once WEIR_ADMIN_PASSWORD decides the password', async () => {
    await writeAdminPassword(dir, 'old-generated', false);
    expect(await writeAdminPassword(dir, undefined, true)).toBe('the password in WEIR_ADMIN_PASSWORD');
    await expect(stat(join(dir, 'admin-password'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('points at the file from an earlier start', async () => {
    await writeAdminPassword(dir, 'first-start', false);
    expect(await writeAdminPassword(dir, undefined, false)).toMatch(/admin-password \(unless changed since\)$/);
  });
});
