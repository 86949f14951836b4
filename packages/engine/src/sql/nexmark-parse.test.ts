import { describe, expect, it } from 'vitest';
import { nexmarkQueryFiles, readNexmarkQueries } from '../../test/sql/nexmark-queries';
import { DiagnosticSink } from './diagnostic';
import { parseScript } from './parse';

describe('Nexmark queries parse', () => {
  const files = nexmarkQueryFiles();

  it('finds the query files', () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
  });

  for (const file of files) {
    it(file, () => {
      const diagnostics = new DiagnosticSink();
      const script = parseScript(readNexmarkQueries(file), diagnostics);
      expect(diagnostics.items).toEqual([]);
      expect(script.statements.length).toBeGreaterThan(0);
    });
  }

  it('parses a whole Nexmark job: generator, views and a query', () => {
    const diagnostics = new DiagnosticSink();
    const script = parseScript(readNexmarkQueries('ddl_gen.sql', 'ddl_views.sql', 'q5.sql'), diagnostics);
    expect(diagnostics.items).toEqual([]);
    expect(script.statements.map((s) => s.kind)).toEqual(['createTable', 'createView', 'createView', 'createView', 'createTable', 'insert']);
  });
});
