import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileJob, SqlError, startJob, type CompiledJob, type CompileOptions, type ProcessingClock } from '../src/index';
import type { ConnectorRegistry } from '../src/connectors/connector-registry';

const COUNT_CHAR_MODULE = new URL('./udf/count-char.ts', import.meta.url);
/** The identifier q14's CREATE FUNCTION names. */
const COUNT_CHAR_CLASS = 'com.github.nexmark.flink.udf.CountChar';

/** The bench's user functions: q14's CountChar, when its module exists (it comes with the UDF support). */
export async function benchFunctions(): Promise<Record<string, unknown>> {
  if (!existsSync(fileURLToPath(COUNT_CHAR_MODULE))) return {};
  const exports = (await import(COUNT_CHAR_MODULE.href)) as Record<string, unknown>;
  const fn = exports.countChar ?? exports.default ?? Object.values(exports)[0];
  return fn === undefined ? {} : { [COUNT_CHAR_CLASS]: fn };
}

/** A compiled job, or the first diagnostic when the engine rejects the script. */
export type CompileOutcome = { job: CompiledJob } | { rejected: string };

/** Compiles a script with the bench's connectors and functions; a rejection is a value, not a throw. */
export function compileForBench(sql: string, connectors: ConnectorRegistry, functions: Record<string, unknown>): CompileOutcome {
  try {
    // `functions` is passed through untyped: the option arrives with the UDF support.
    const options = { connectors, functions } as CompileOptions;
    return { job: compileJob(sql, options) };
  } catch (error) {
    if (error instanceof SqlError) {
      const first = error.diagnostics.find((d) => d.severity === 'error') ?? error.diagnostics[0];
      return { rejected: first ? `${first.line}:${first.column} ${first.message}` : error.message };
    }
    if (error instanceof Error) return { rejected: error.message };
    throw error;
  }
}

/** Runs a job to its end (on `clock` for processing time, if given); returns the seconds it took and the rows its sinks received. */
export async function runJob(job: CompiledJob, connectors: ConnectorRegistry, clock?: ProcessingClock): Promise<{ seconds: number; sinkRows: number }> {
  const start = process.hrtime.bigint();
  const handle = startJob(job, { connectors, clock });
  await handle.done;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const sinkRows = handle.metrics().filter((m) => m.name.startsWith('Sink: ')).reduce((sum, m) => sum + m.recordsIn, 0);
  return { seconds, sinkRows };
}
