import { Writable } from 'node:stream';
import { compileJob, startJob, type JobHandle, type StartJobOptions } from '@weir/engine';
import { allConnectors } from '../index';

/** A started job whose print sinks write into `lines`. */
export interface TestRun {
  job: JobHandle;
  lines: string[];
}

/** Starts `sql` with every connector, collecting print output line by line (tests). */
export function runSql(sql: string, options: Omit<StartJobOptions, 'stdout' | 'connectors'> = {}): TestRun {
  const lines: string[] = [];
  let partial = '';
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      callback();
    },
  });
  const job = startJob(compileJob(sql, { connectors: allConnectors() }), { ...options, stdout, connectors: allConnectors() });
  return { job, lines };
}

/** Resolves once `condition` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
