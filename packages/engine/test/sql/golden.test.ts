import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { builtinConnectors, compileJob, startJob } from '../../src/index';
import { valuesConnector } from './values-connector';

const ROOT = new URL('.', import.meta.url).pathname;
const queries = readdirSync(join(ROOT, 'queries')).filter((f) => f.endsWith('.sql')).sort();

/** Compiles and runs a script to completion, returning everything the print sinks wrote. */
async function run(sql: string): Promise<string> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const connectors = builtinConnectors().register(valuesConnector);
  const handle = startJob(compileJob(sql, { connectors }), { stdout, stderr: stdout, connectors });
  const { outcome } = await handle.done;
  expect(outcome).toBe('finished');
  return chunks.join('');
}

describe('golden SQL tests', () => {
  for (const file of queries) {
    it(file, async () => {
      const sql = readFileSync(join(ROOT, 'queries', file), 'utf8');
      const expectedError = /^-- error: (.*)$/m.exec(sql.split('\n')[0] ?? '')?.[1];
      if (expectedError !== undefined) {
        await expect(run(sql)).rejects.toThrow(expectedError);
        return;
      }
      const expected = readFileSync(join(ROOT, 'expected', file.replace(/\.sql$/, '.out')), 'utf8');
      expect(await run(sql)).toBe(expected);
    });
  }
});
