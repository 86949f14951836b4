import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared reference folder beside the repository root (…/shared/nexmark/queries). */
export const NEXMARK_QUERY_DIR = fileURLToPath(new URL('../../../../shared/nexmark/queries/', import.meta.url));

/** Directories the query files refer to: `${NEXMARK_DIR}`, `${FLINK_HOME}` and `${SUBMIT_TIME}`. */
export interface NexmarkDirs {
  /** The temporary folder holding the others. */
  root: string;
  nexmarkDir: string;
  flinkHome: string;
  submitTime: string;
}

/** Fresh temporary directories, with q13's side input `${FLINK_HOME}/data/side_input.txt` (lines `i,i`, i < 10,000). */
export function createNexmarkDirs(): NexmarkDirs {
  const root = mkdtempSync(join(tmpdir(), 'weir-nexmark-'));
  const dirs = { root, nexmarkDir: join(root, 'nexmark'), flinkHome: join(root, 'flink'), submitTime: String(Date.now()) };
  mkdirSync(join(dirs.flinkHome, 'data'), { recursive: true });
  mkdirSync(dirs.nexmarkDir, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) lines.push(`${i},${i}`);
  writeFileSync(join(dirs.flinkHome, 'data', 'side_input.txt'), `${lines.join('\n')}\n`);
  return dirs;
}

/** Deletes the folders of `createNexmarkDirs` (q10 writes about 1 GB of part files per 10 M events). */
export function removeNexmarkDirs(dirs: NexmarkDirs): void {
  rmSync(dirs.root, { recursive: true, force: true });
}

/** Whether the shared query files are present (CI checks out shared/ beside the repository). */
export function nexmarkQueriesAvailable(): boolean {
  return existsSync(join(NEXMARK_QUERY_DIR, 'ddl_gen.sql'));
}

/** Nexmark V1's event rate (events per second of event time): 10 M events span one second. */
export const V1_TPS = 10_000_000;
/** Nexmark V2's event rate: 10 M events span 100 s of event time, so 10 s windows fire as they go. */
export const V2_TPS = 100_000;

/**
 * The script the Nexmark runner submits for `query`: ddl_gen + ddl_views + qN read unchanged,
 * joined, with the placeholders substituted (TPS = `tps`, EVENTS_NUM = `events`, proportions 1/3/46,
 * NEXMARK_TABLE = datagen). Statements in the files end with ';' except sometimes the last, so
 * each file is closed with one.
 */
export function nexmarkSql(query: string, events: number, dirs: NexmarkDirs, tps = V1_TPS): string {
  const files = ['ddl_gen.sql', 'ddl_views.sql', `${query}.sql`];
  const text = files.map((file) => `${readFileSync(join(NEXMARK_QUERY_DIR, file), 'utf8').trimEnd().replace(/;$/, '')};\n`).join('\n');
  const values: Record<string, string> = {
    TPS: String(tps),
    EVENTS_NUM: String(events),
    PERSON_PROPORTION: '1',
    AUCTION_PROPORTION: '3',
    BID_PROPORTION: '46',
    NEXMARK_TABLE: 'datagen',
    NEXMARK_DIR: dirs.nexmarkDir,
    SUBMIT_TIME: dirs.submitTime,
    FLINK_HOME: dirs.flinkHome,
  };
  return text.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
