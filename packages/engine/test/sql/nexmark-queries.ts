import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// shared/ stands beside the repository, in CI as on a developer's machine.
const QUERIES_DIR = fileURLToPath(new URL('../../../../../shared/nexmark/queries', import.meta.url));

// The Nexmark runner substitutes these before submitting; values as its defaults would be.
const PLACEHOLDERS: Record<string, string> = {
  TPS: '10000000', EVENTS_NUM: '100000000', PERSON_PROPORTION: '1', AUCTION_PROPORTION: '3', BID_PROPORTION: '46',
  NEXMARK_TABLE: 'datagen', BOOTSTRAP_SERVERS: 'localhost:9092', FLINK_HOME: '/opt/flink', KEEP_ALIVE: 'false',
  NEXMARK_DIR: '/opt/nexmark', STOP_AT: '-1', SUBMIT_TIME: '0',
};

/** The names of the shared Nexmark query files (`ddl_gen.sql`, `q0.sql`, …). */
export function nexmarkQueryFiles(): string[] {
  return readdirSync(QUERIES_DIR).filter((file) => file.endsWith('.sql')).sort();
}

/** The files' text joined by `;` lines, with the runner's placeholders substituted. */
export function readNexmarkQueries(...files: string[]): string {
  const sql = files.map((file) => readFileSync(join(QUERIES_DIR, file), 'utf8')).join(';\n');
  return sql.replace(/\$\{(\w+)\}/g, (_, name: string) => PLACEHOLDERS[name] ?? '');
}
