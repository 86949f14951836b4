import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinConnectors, compileJob } from '../../src/index';
import { OPERATOR_FACTORIES } from '../../src/operators/operator-registry';
import { valuesConnector } from './values-connector';

const QUERIES = join(new URL('.', import.meta.url).pathname, 'queries');

describe('plan kinds', () => {
  it('every plan kind has an operator and is run by at least one golden test', () => {
    const connectors = builtinConnectors().register(valuesConnector);
    const exercised = new Set<string>();
    for (const file of readdirSync(QUERIES).filter((f) => f.endsWith('.sql'))) {
      const sql = readFileSync(join(QUERIES, file), 'utf8');
      if (sql.startsWith('-- error:')) continue;
      for (const vertex of compileJob(sql, { connectors }).plan.vertices) for (const op of vertex.operators) exercised.add(op.kind);
    }
    const kinds = ['table_source', 'values', ...Object.keys(OPERATOR_FACTORIES)].sort();
    expect([...exercised].sort()).toEqual(kinds);
  });
});
