import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'admin-password';

/**
 * Keeps `dataDir/admin-password` true: written (owner-only) with a newly generated password,
 * removed when WEIR_ADMIN_PASSWORD now decides it. Returns what to tell the user about it.
 */
export async function writeAdminPassword(dataDir: string, generated: string | undefined, fromEnvironment: boolean): Promise<string> {
  const path = join(dataDir, FILE);
  if (generated) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path, `${generated}\n`, { mode: 0o600 });
    return path;
  }
  if (fromEnvironment) {
    await rm(path, { force: true });
    return 'the password in WEIR_ADMIN_PASSWORD';
  }
  const kept = await stat(path).then(() => true, () => false);
  return kept ? `the password in ${path} (unless changed since)` : 'the password chosen earlier';
}
