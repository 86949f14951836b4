import { gunzipSync, gzipSync } from 'node:zlib';
import type { Redis } from 'ioredis';
import {
  DEBUG_KEY_TTL_SECONDS,
  debugRedisKeys,
  DebugLimits,
  poolQueueOf,
  QueueJobName,
  WeirError,
  type CreateFixtureRequest,
  type DebugEvent,
  type DebugPayloadInput,
  type DebugRun,
  type DebugRunComparison,
  type DebugRunPayload,
  type DebugRunRequest,
  type DebugTables,
  type Fixture,
} from '@weir/contracts';
import type { DebugRun as DebugRunRow, DebugFixture, Prisma, PrismaClient } from '@weir/db';
import { debugTables, EngineError, formatType, matchDebugInputs, type CompiledJob, type DebugResult } from '@weir/engine';
import type { PoolQueues } from '../scheduler/pool-queues';
import type { CatalogService } from './catalog-service';
import type { ConnectionService } from './connection-service';
import { versionFunctions } from './job-functions';
import type { SecretService } from './secret-service';
import { compileForDeploy, functionsUsedBy, mergeFunctions } from './sql-validation';
import { compareRows } from './debug-compare';

/** Heap of a debug run's thread: room for a million-row fixture and its results. */
const DEBUG_MEMORY_LIMIT_MB = 4096;
const TERMINAL = new Set(['FINISHED', 'STOPPED', 'FAILED']);

type Rows = Record<string, unknown>[];

/**
 * Debug runs and fixtures: checks a request against the job's SQL, leaves its inputs in Redis,
 * queues a `debug.run` on the workspace's pool, and keeps what the worker reports.
 */
export class DebugService {
  constructor(
    private readonly db: PrismaClient,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly queues: PoolQueues,
    private readonly catalog: CatalogService,
    private readonly secrets: SecretService,
    private readonly connections: ConnectionService,
  ) {}

  /** The source, dimension and sink tables of the job's SQL (`sql` given, else the version), with their columns. */
  async tables(workspaceId: string, jobId: string, request: { sql?: string; version?: number }): Promise<DebugTables> {
    const { sql, functions } = await this.script(workspaceId, jobId, request);
    const catalog = await this.catalog.workspaceCatalog(workspaceId, sql);
    const tables = debugTables(compileForDeploy(sql, mergeFunctions(functions, functionsUsedBy(sql, catalog.functions)), catalog));
    const columns = (list: ReturnType<typeof debugTables>['sources']) => list.map((t) => ({ table: t.table, connector: t.connector, columns: t.fields.map((f) => ({ name: f.name, type: formatType(f.type) })) }));
    return { sources: columns(tables.sources), lookups: columns(tables.lookups), sinks: columns(tables.sinks) };
  }

  /** Checks and queues a debug run; its inputs wait in Redis for the worker. */
  async start(workspaceId: string, jobId: string, request: DebugRunRequest, userId: string | undefined): Promise<{ id: string }> {
    const { sql, functions, version, poolQueue } = await this.script(workspaceId, jobId, request);
    const catalog = await this.catalog.workspaceCatalog(workspaceId, sql);
    const pinnedFunctions = functionsUsedBy(sql, catalog.functions);
    const allFunctions = mergeFunctions(functions, pinnedFunctions);
    const compiled = compileForDeploy(sql, allFunctions, catalog);
    const inputs = this.matchInputs(request.inputs, compiled);
    await this.secrets.assertReferencesDefined(workspaceId, sql);
    const fixtureIds = [...new Set([...inputs.values()].flatMap((input) => ('fixtureId' in input ? [input.fixtureId] : [])))];
    const fixtures = new Map<string, Record<string, Rows>>();
    for (const id of fixtureIds) fixtures.set(id, await this.fixtureRows(jobId, id));
    const queue = poolQueueOf(poolQueue);
    const catalogTables = catalog.used();
    const run = await this.db.debugRun.create({
      data: { jobId, version: request.sql === undefined ? version : null, sql, fixtureId: fixtureIds[0] ?? null, limits: request.limits, queue, createdById: userId ?? null },
    });
    const keys = debugRedisKeys(this.prefix, run.id);
    const payloadInputs: Record<string, DebugPayloadInput> = {};
    for (const [table, input] of inputs) {
      if ('capture' in input) {
        payloadInputs[table] = { kind: 'capture', maxRows: input.capture.maxRows, maxSeconds: input.capture.maxSeconds };
        continue;
      }
      const rows = 'rows' in input ? input.rows : fixtureTable(fixtures.get(input.fixtureId) ?? {}, table, input.fixtureId);
      await this.redis.set(keys.input(table), gzipSync(JSON.stringify(rows)), 'EX', DEBUG_KEY_TTL_SECONDS);
      payloadInputs[table] = { kind: 'rows', key: keys.input(table), source: 'rows' in input ? 'rows' : 'fixture' };
    }
    const payload: DebugRunPayload = {
      debugRunId: run.id,
      sql,
      functions: allFunctions,
      secrets: [...(await this.secrets.encryptedFor(workspaceId, sql)), ...(await this.connections.encryptedFor(workspaceId, catalogTables.flatMap((t) => Object.values(t.options))))],
      catalogTables,
      catalogFunctions: pinnedFunctions.names,
      inputs: payloadInputs,
      limits: request.limits,
      memoryLimitMb: DEBUG_MEMORY_LIMIT_MB,
    };
    await this.queues.get(queue).add(QueueJobName.debugRun, payload, { jobId: `debug-${run.id}` });
    await this.db.debugRun.update({ where: { id: run.id }, data: { inputs: [...inputs].map(([table, input]) => ({ table, rows: 'rows' in input ? input.rows.length : 0, source: 'capture' in input ? 'capture' : 'rows' in input ? 'rows' : 'fixture' })) } });
    return { id: run.id };
  }

  /** The run as it stands: what the worker reported is taken in on the way. */
  async get(workspaceId: string, id: string): Promise<DebugRun> {
    return toDebugRun(await this.refresh(await this.row(workspaceId, id)));
  }

  /** The job's debug runs, newest first, without their results. */
  async list(workspaceId: string, jobId: string): Promise<Omit<DebugRun, 'sinks' | 'vertices'>[]> {
    await this.assertJob(workspaceId, jobId);
    const rows = await this.db.debugRun.findMany({ where: { jobId }, orderBy: { createdAt: 'desc' }, take: 50 });
    return rows.map((row) => {
      const { sinks: _sinks, vertices: _vertices, ...rest } = toDebugRun(row);
      return rest;
    });
  }

  /** Asks the run to end early; its sources end first, so the windows still fire. */
  async stop(workspaceId: string, id: string): Promise<DebugRun> {
    const row = await this.refresh(await this.row(workspaceId, id));
    if (TERMINAL.has(row.status)) return toDebugRun(row);
    await this.redis.set(debugRedisKeys(this.prefix, id).stop, '1', 'EX', DEBUG_KEY_TTL_SECONDS);
    const job = await this.queues.get(row.queue).getJob(`debug-${id}`);
    if (job && (await job.getState()) === 'waiting') {
      await job.remove();
      return toDebugRun(await this.db.debugRun.update({ where: { id }, data: { status: 'STOPPED', finishedAt: new Date(), error: { code: 'STOPPED', message: 'stopped before a worker took it' } } }));
    }
    return toDebugRun(row);
  }

  /**
   * The run's events from the start: status, progress (new changes per sink) and done. Reads with
   * a blocking connection of its own; ends after `done` or when `signal` aborts.
   */
  async *events(workspaceId: string, id: string, signal: AbortSignal): AsyncGenerator<DebugEvent> {
    const row = await this.refresh(await this.row(workspaceId, id));
    if (TERMINAL.has(row.status)) {
      yield { type: 'done', status: row.status };
      return;
    }
    const reader = this.redis.duplicate();
    const stream = debugRedisKeys(this.prefix, id).events;
    let last = '0';
    try {
      while (!signal.aborted) {
        const answer = (await reader.xread('COUNT', 100, 'BLOCK', 2000, 'STREAMS', stream, last)) as [string, [string, string[]][]][] | null;
        if (!answer) {
          const now = await this.refresh(await this.row(workspaceId, id));
          if (TERMINAL.has(now.status)) {
            yield { type: 'done', status: now.status };
            return;
          }
          continue;
        }
        for (const [entryId, fields] of answer[0]![1]) {
          last = entryId;
          const event = JSON.parse(fields[1]!) as DebugEvent;
          if (event.type === 'done') await this.refresh(await this.row(workspaceId, id));
          yield event;
          if (event.type === 'done') return;
        }
      }
    } finally {
      reader.disconnect();
    }
  }

  /** Final rows per sink only in run A and only in run B, as multisets: two versions' outputs on one fixture. */
  async compare(workspaceId: string, a: string, b: string): Promise<DebugRunComparison> {
    const [left, right] = [await this.get(workspaceId, a), await this.get(workspaceId, b)];
    for (const run of [left, right]) {
      if (!TERMINAL.has(run.status)) throw new WeirError('CONFLICT', `debug run '${run.id}' has not ended yet`, { details: { id: run.id } });
    }
    const tables = [...new Set([...left.sinks, ...right.sinks].map((s) => s.table))];
    return {
      sinks: tables.map((table) => ({ table, columns: (left.sinks.find((s) => s.table === table) ?? right.sinks.find((s) => s.table === table))?.columns.map((c) => c.name) ?? [], ...compareRows(left.sinks.find((s) => s.table === table)?.rows ?? [], right.sinks.find((s) => s.table === table)?.rows ?? []) })),
    };
  }

  /** Saves a debug run's inputs (what its sources read) or given rows as a named fixture of the job. */
  async createFixture(workspaceId: string, jobId: string, request: CreateFixtureRequest, userId: string | undefined): Promise<Fixture> {
    await this.assertJob(workspaceId, jobId);
    let tables: Record<string, Rows>;
    if ('debugRunId' in request) {
      const run = await this.row(workspaceId, request.debugRunId);
      if (run.jobId !== jobId) throw new WeirError('VALIDATION_FAILED', `debug run '${request.debugRunId}' is not a run of this job`, { details: { issues: [{ path: 'debugRunId', message: 'a run of another job' }] } });
      const read = await this.redis.getBuffer(debugRedisKeys(this.prefix, run.id).read);
      if (!read) {
        throw new WeirError('CONFLICT', `the inputs of debug run '${run.id}' are no longer kept (they are kept ${DEBUG_KEY_TTL_SECONDS / 3600} h after the run) or the run has not ended`, { details: { issues: [{ path: 'debugRunId', message: 'inputs not available' }] } });
      }
      tables = JSON.parse(gunzipSync(read).toString('utf8')) as Record<string, Rows>;
    } else {
      tables = Object.fromEntries(Object.entries(request.inputs).map(([table, input]) => [table, input.rows]));
    }
    const existing = await this.db.debugFixture.findUnique({ where: { jobId_name: { jobId, name: request.name } } });
    if (existing) throw new WeirError('CONFLICT', `job already has a fixture named '${request.name}'`, { details: { issues: [{ path: 'name', message: 'already taken' }] } });
    const fixture = await this.db.debugFixture.create({
      data: {
        jobId,
        name: request.name,
        tables: Object.entries(tables).map(([table, rows]) => ({ table, rows: rows.length })),
        data: gzipSync(JSON.stringify(tables)),
        createdById: userId ?? null,
      },
    });
    return toFixture(fixture);
  }

  /** The job's fixtures, newest first. */
  async fixtures(workspaceId: string, jobId: string): Promise<Fixture[]> {
    await this.assertJob(workspaceId, jobId);
    const rows = await this.db.debugFixture.findMany({ where: { jobId }, orderBy: { createdAt: 'desc' }, select: { id: true, jobId: true, name: true, tables: true, createdById: true, createdAt: true } });
    return rows.map(toFixture);
  }

  private matchInputs(inputs: DebugRunRequest['inputs'], compiled: CompiledJob) {
    try {
      return matchDebugInputs(inputs, compiled);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      const field = (error.details as { field?: string } | undefined)?.field ?? 'inputs';
      throw new WeirError('VALIDATION_FAILED', error.message, { details: { issues: [{ path: field, message: error.message }] } });
    }
  }

  private async fixtureRows(jobId: string, fixtureId: string): Promise<Record<string, Rows>> {
    const fixture = await this.db.debugFixture.findFirst({ where: { id: fixtureId, jobId } });
    if (!fixture) throw new WeirError('VALIDATION_FAILED', `fixture '${fixtureId}' is not a fixture of this job`, { details: { issues: [{ path: 'inputs', message: `no fixture '${fixtureId}'` }] } });
    return JSON.parse(gunzipSync(fixture.data).toString('utf8')) as Record<string, Rows>;
  }

  private async script(workspaceId: string, jobId: string, request: { sql?: string; version?: number }) {
    const job = await this.db.job.findFirst({ where: { id: jobId, workspaceId }, include: { workspace: { select: { poolQueue: true } } } });
    if (!job) throw new WeirError('NOT_FOUND', `job '${jobId}' not found`, { details: { id: jobId } });
    const versionNumber = request.version ?? job.latestVersion;
    const version = await this.db.jobVersion.findUnique({ where: { jobId_version: { jobId, version: versionNumber } } });
    if (!version) throw new WeirError('VALIDATION_FAILED', `job '${job.name}' has no version ${versionNumber}`, { details: { issues: [{ path: 'version', message: `no such version; latest is ${job.latestVersion}` }] } });
    return { sql: request.sql ?? version.sql, functions: versionFunctions(version.config), version: version.version, poolQueue: job.workspace.poolQueue };
  }

  private async assertJob(workspaceId: string, jobId: string): Promise<void> {
    const job = await this.db.job.findFirst({ where: { id: jobId, workspaceId }, select: { id: true } });
    if (!job) throw new WeirError('NOT_FOUND', `job '${jobId}' not found`, { details: { id: jobId } });
  }

  private async row(workspaceId: string, id: string): Promise<DebugRunRow> {
    const row = await this.db.debugRun.findFirst({ where: { id, job: { workspaceId } } });
    if (!row) throw new WeirError('NOT_FOUND', `debug run '${id}' not found`, { details: { id } });
    return row;
  }

  /** Takes in what the worker left in Redis: the start, the result, or a queue job that failed without one. */
  private async refresh(row: DebugRunRow): Promise<DebugRunRow> {
    if (TERMINAL.has(row.status)) return row;
    const keys = debugRedisKeys(this.prefix, row.id);
    const stored = await this.redis.get(keys.result);
    if (stored) {
      const result = JSON.parse(stored) as DebugResult & { error?: { diagnostics?: unknown } };
      const status = result.outcome === 'finished' ? 'FINISHED' : result.outcome === 'stopped' ? 'STOPPED' : 'FAILED';
      return this.db.debugRun.update({
        where: { id: row.id },
        data: {
          status,
          sinks: result.sinks as unknown as Prisma.InputJsonValue,
          vertices: result.vertices as unknown as Prisma.InputJsonValue,
          ...(result.inputs.length > 0 ? { inputs: result.inputs.map((input) => ({ ...input, source: row.fixtureId && input.source === 'rows' ? sourceOf(row, input.table) : input.source })) } : {}),
          error: (result.error as Prisma.InputJsonValue | undefined) ?? undefined,
          startedAt: row.startedAt ?? new Date(Date.now() - result.durationMs),
          finishedAt: new Date(),
          durationMs: result.durationMs,
        },
      });
    }
    const job = await this.queues.get(row.queue).getJob(`debug-${row.id}`);
    const state = job ? await job.getState() : 'unknown';
    if (state === 'failed' || state === 'unknown') {
      return this.db.debugRun.update({ where: { id: row.id }, data: { status: 'FAILED', finishedAt: new Date(), error: { code: 'WORKER_LOST', message: job?.failedReason ? `the worker failed the run: ${job.failedReason}` : 'the debug run is gone from the queue without a result (its worker stopped)' } } });
    }
    if (state === 'active' && row.status === 'QUEUED') return this.db.debugRun.update({ where: { id: row.id }, data: { status: 'RUNNING', startedAt: new Date() } });
    return row;
  }
}

/** Rows given in the request keep their origin; the worker only knows them as rows. */
function sourceOf(row: DebugRunRow, table: string): string {
  const inputs = row.inputs as { table: string; source: string }[];
  return inputs.find((input) => input.table === table)?.source ?? 'rows';
}

function fixtureTable(fixture: Record<string, Rows>, table: string, fixtureId: string): Rows {
  const rows = fixture[table] ?? Object.entries(fixture).find(([name]) => name.toLowerCase() === table.toLowerCase())?.[1];
  if (!rows) throw new WeirError('VALIDATION_FAILED', `fixture '${fixtureId}' holds no rows for table '${table}' (it holds ${Object.keys(fixture).join(', ') || 'none'})`, { details: { issues: [{ path: `inputs.${table}`, message: 'not in the fixture' }] } });
  return rows;
}

function toDebugRun(row: DebugRunRow): DebugRun {
  return {
    id: row.id,
    jobId: row.jobId,
    version: row.version,
    fixtureId: row.fixtureId,
    status: row.status,
    sinks: row.sinks as DebugRun['sinks'],
    vertices: row.vertices as DebugRun['vertices'],
    inputs: row.inputs as DebugRun['inputs'],
    error: (row.error as DebugRun['error']) ?? null,
    limits: DebugLimits.parse(row.limits),
    createdBy: row.createdById,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
  };
}

function toFixture(row: Pick<DebugFixture, 'id' | 'jobId' | 'name' | 'tables' | 'createdById' | 'createdAt'>): Fixture {
  return { id: row.id, jobId: row.jobId, name: row.name, tables: row.tables as Fixture['tables'], createdBy: row.createdById, createdAt: row.createdAt.toISOString() };
}
