import { compileJob, type CompileOptions, type CompiledJob } from '../compile';
import { builtinConnectors, type ConnectorRegistry } from '../connectors/connector-registry';
import { EngineError } from '../errors';
import type { TableSourceConfig } from '../plan/logical-plan';
import { startJob, type JobHandle, type VertexMetricsSnapshot } from '../start-job';
import type { CapturedChange, SinkCaptureResult } from './debug-capture';
import { DebugSession, type DebugSourceInput, type FailingRow } from './debug-session';

/** Bounds of a debug run. */
export interface DebugLimits {
  /** The run is stopped (its sources ended, so windows still fire) after this long. */
  maxSeconds: number;
  /** Changes kept per sink; later ones are counted only. */
  maxChanges: number;
  /** Materialised rows returned per sink. */
  maxRows: number;
}

export interface DebugRunOptions {
  /** How the script compiles (catalog, functions); connectors and parallelism are the debug run's own. */
  compile?: Omit<CompileOptions, 'connectors'>;
  /** The connectors the job would use in production; each is replaced by a stand-in. */
  connectors?: ConnectorRegistry;
  /** Per source table (by the name the script uses): its rows, or a live capture. */
  inputs: Record<string, DebugSourceInput>;
  limits: DebugLimits;
}

/** Counters of one operator of the debug run. */
export interface DebugVertexCounts {
  vertexId: string;
  operatorId: string;
  name: string;
  recordsIn: number;
  recordsOut: number;
}

/** What a debug run produced. */
export interface DebugResult {
  /** `stopped`: the time limit or stop() ended it early. */
  outcome: 'finished' | 'stopped' | 'failed';
  sinks: SinkCaptureResult[];
  vertices: DebugVertexCounts[];
  inputs: { table: string; rows: number; source: DebugSourceInput['kind'] }[];
  error?: { message: string; code: string; row?: FailingRow };
  durationMs: number;
}

/** A live view of a running debug run: counters and the changes each sink received since the last look. */
export interface DebugProgress {
  sinks: { table: string; changeCount: number; newChanges: CapturedChange[] }[];
  vertices: DebugVertexCounts[];
}

/** The source and lookup tables a script reads and the sinks it writes, with their columns: what a debug run needs inputs for. */
export function debugTables(job: CompiledJob): { sources: TableColumns[]; lookups: TableColumns[]; sinks: TableColumns[] } {
  const sources = new Map<string, TableColumns>();
  const lookups = new Map<string, TableColumns>();
  const sinks = new Map<string, TableColumns>();
  for (const vertex of job.plan.vertices) {
    for (const op of vertex.operators) {
      if (op.kind === 'table_source') {
        const config = op.config as TableSourceConfig;
        sources.set(config.table, { table: config.table, connector: config.connector, fields: config.tableFields ?? config.fields });
      } else if (op.kind === 'lookup_join' && 'dimFields' in op.config) {
        lookups.set(op.config.table, { table: op.config.table, connector: op.config.connector, fields: op.config.dimFields });
      } else if (op.kind === 'table_sink' && 'connector' in op.config) {
        sinks.set(op.config.table, { table: op.config.table, connector: op.config.connector, fields: op.config.fields });
      }
    }
  }
  return { sources: [...sources.values()], lookups: [...lookups.values()], sinks: [...sinks.values()] };
}

/** A table of a compiled job with its connector and columns. */
export interface TableColumns {
  table: string;
  connector: string;
  fields: TableSourceConfig['fields'];
}

/** Compiles a script for a debug run: every sink captured, every source and given lookup table fed from `inputs`. */
function compileForDebug(sql: string, options: DebugRunOptions, session: DebugSession): CompiledJob {
  const connectors = session.registry(options.connectors ?? builtinConnectors());
  return compileJob(sql, { ...options.compile, connectors, set: { ...options.compile?.set, 'parallelism.default': '1' } });
}

/**
 * The inputs keyed by the job's own table names (exact, else case-insensitive, else by the last part
 * of a dotted name); an input for a table the job does not read, or a source without one, is an
 * EngineError naming `inputs.<table>`.
 */
export function matchDebugInputs<T>(inputs: Record<string, T>, job: CompiledJob): Map<string, T> {
  const tables = debugTables(job);
  const names = [...tables.sources, ...tables.lookups].map((t) => t.table);
  const matched = new Map<string, T>();
  for (const [key, input] of Object.entries(inputs)) {
    const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase()) ?? names.find((n) => n.split('.').pop()?.toLowerCase() === key.split('.').pop()?.toLowerCase());
    if (!name) throw new EngineError(`inputs.${key}: the job reads no table '${key}' (it reads ${names.join(', ') || 'no table'})`, { code: 'DEBUG_INPUT_UNKNOWN', domain: 'user', details: { field: `inputs.${key}` } });
    matched.set(name, input);
  }
  for (const source of tables.sources) {
    if (!matched.has(source.table)) throw new EngineError(`inputs.${source.table}: the job reads source table '${source.table}'; give it rows, a fixture or a capture`, { code: 'DEBUG_INPUT_MISSING', domain: 'user', details: { field: `inputs.${source.table}` } });
  }
  return matched;
}

/**
 * One bounded run of a script on debug inputs: nothing reaches a real sink. Event time works as in
 * production and the end of input fires the remaining windows. A failure is traced to the source
 * row that caused it by replaying the inputs up to the failing batch, then one row at a time.
 */
export class DebugRun {
  readonly done: Promise<DebugResult>;
  private readonly session: DebugSession;
  private handle: JobHandle | undefined;
  private readonly inputs: Map<string, DebugSourceInput>;
  private stopped = false;

  /** Compiles and starts the run; throws SqlError for bad SQL and EngineError for inputs that do not fit the job. */
  constructor(sql: string, private readonly options: DebugRunOptions) {
    const probe = compileForDebug(sql, options, new DebugSession(new Map(), 0));
    this.inputs = matchDebugInputs(options.inputs, probe);
    this.session = new DebugSession(this.inputs, options.limits.maxChanges);
    const job = compileForDebug(sql, options, this.session);
    this.done = this.run(sql, job);
  }

  /** Ends the run early: the sources end, so the windows still fire, and the result is what the sinks got. */
  stop(): void {
    this.stopped = true;
    void this.handle?.stop({ drain: true }).catch(() => undefined);
  }

  /** Counters and new changes per sink (at most `maxPerSink` each) since the last call. */
  progress(maxPerSink: number): DebugProgress {
    return {
      sinks: [...this.session.captures.values()].map((capture) => ({ table: capture.table, changeCount: capture.changeCount, newChanges: capture.takeNew(maxPerSink) })),
      vertices: this.vertices(),
    };
  }

  /** What each source read, as JSON rows (captured live or given): a fixture of this run. */
  readInputs(): Record<string, Record<string, unknown>[]> {
    return Object.fromEntries(this.session.readRows);
  }

  private vertices(): DebugVertexCounts[] {
    const metrics: VertexMetricsSnapshot[] = this.handle?.metrics() ?? [];
    return metrics.map((m) => ({ vertexId: m.vertexId, operatorId: m.operatorId, name: m.name, recordsIn: m.recordsIn, recordsOut: m.recordsOut }));
  }

  private async run(sql: string, job: CompiledJob): Promise<DebugResult> {
    const startedAt = Date.now();
    const handle = (this.handle = startJob(job, { connectors: this.session.registry(this.options.connectors ?? builtinConnectors()) }));
    const timer = setTimeout(() => this.stop(), this.options.limits.maxSeconds * 1000);
    timer.unref?.();
    let outcome: DebugResult['outcome'];
    let error: DebugResult['error'];
    try {
      const end = await handle.done;
      outcome = end.outcome === 'stopped' || this.stopped ? 'stopped' : 'finished';
    } catch (failure) {
      outcome = 'failed';
      error = { message: failure instanceof Error ? failure.message : String(failure), code: failure instanceof EngineError ? failure.code : 'RUNTIME_ERROR' };
      const row = await this.traceFailingRow(sql);
      if (row) error.row = row;
    } finally {
      clearTimeout(timer);
    }
    const { maxRows } = this.options.limits;
    return {
      outcome,
      sinks: [...this.session.captures.values()].map((capture) => capture.result(maxRows)),
      vertices: this.vertices(),
      inputs: [...this.inputs].map(([table, input]) => ({ table, rows: this.session.readRows.get(table)?.length ?? 0, source: input.kind })),
      ...(error ? { error } : {}),
      durationMs: Date.now() - startedAt,
    };
  }

  /** Replays what the sources read, one row at a time from the failing batch on; the row read last when it fails again is the cause. */
  private async traceFailingRow(sql: string): Promise<FailingRow | undefined> {
    const last = this.session.lastRead();
    if (!last) return undefined;
    const replayInputs = new Map<string, DebugSourceInput>(
      [...this.inputs].map(([table, input]) => [table, input.kind === 'rows' ? input : { kind: 'rows', rows: this.session.readRows.get(table) ?? [] }]),
    );
    const replay = new DebugSession(replayInputs, 0, { table: last.table, from: last.from });
    try {
      const job = compileForDebug(sql, this.options, replay);
      await startJob(job, { connectors: replay.registry(this.options.connectors ?? builtinConnectors()) }).done;
      return undefined;
    } catch {
      const failed = replay.lastRead();
      const row = failed && replay.rowAt(failed.table, failed.from);
      return failed && row ? { table: failed.table, index: failed.from, row } : undefined;
    }
  }
}
