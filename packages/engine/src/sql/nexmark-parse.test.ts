import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from './diagnostic';
import { parseScript } from './parse';

// shared/ stands beside the repository, in CI as on a developer's machine.
const QUERIES_DIR = fileURLToPath(new URL('../../../../../shared/nexmark/queries', import.meta.url));

// The Nexmark runner substitutes these before submitting; values as its defaults would be.
const PLACEHOLDERS: Record<string, string> = {
  TPS: '10000000', EVENTS_NUM: '100000000', PERSON_PROPORTION: '1', AUCTION_PROPORTION: '3', BID_PROPORTION: '46',
  NEXMARK_TABLE: 'datagen', BOOTSTRAP_SERVERS: 'localhost:9092', FLINK_HOME: '/opt/flink', KEEP_ALIVE: 'false',
  NEXMARK_DIR: '/opt/nexmark', STOP_AT: '-1', SUBMIT_TIME: '0',
};

function substitute(sql: string): string {
  return sql.replace(/\$\{(\w+)\}/g, (_, name: string) => PLACEHOLDERS[name] ?? '');
}

describe('Nexmark queries parse', () => {
  const files = readdirSync(QUERIES_DIR).filter((file) => file.endsWith('.sql'));

  it('finds the query files', () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
  });

  for (const file of files) {
    it(file, () => {
      const diagnostics = new DiagnosticSink();
      const script = parseScript(substitute(readFileSync(join(QUERIES_DIR, file), 'utf8')), diagnostics);
      expect(diagnostics.items).toEqual([]);
      expect(script.statements.length).toBeGreaterThan(0);
    });
  }

  it('parses a whole Nexmark job: generator, views and a query', () => {
    const sql = ['ddl_gen.sql', 'ddl_views.sql', 'q5.sql'].map((file) => readFileSync(join(QUERIES_DIR, file), 'utf8')).join(';\n');
    const diagnostics = new DiagnosticSink();
    const script = parseScript(substitute(sql), diagnostics);
    expect(diagnostics.items).toEqual([]);
    expect(script.statements.map((s) => s.kind)).toEqual(['createTable', 'createView', 'createView', 'createView', 'createTable', 'insert']);
  });
});
