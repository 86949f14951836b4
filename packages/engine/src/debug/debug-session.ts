import { EngineError } from '../errors';
import { ConnectorRegistry } from '../connectors/connector-registry';
import type { Connector, ConnectorTable, LookupSource, SinkWriter, SourcePoll, SourceReader, SubtaskInfo } from '../connectors/connector';
import { formatType } from '../sql/data-type';
import { ROW_KIND_SHORT, type Row } from '../runtime/row';
import { rowKey, SinkCapture } from './debug-capture';
import { ROW_KIND_KEY, rowsFromJson, rowToJson, type DebugRows } from './debug-rows';

/** Where a debug run's source table gets its rows: given rows, or the live source read for a while. */
export type DebugSourceInput =
  | { kind: 'rows'; rows: readonly Record<string, unknown>[] }
  | { kind: 'capture'; maxRows: number; maxSeconds: number };

/** The source row a failure was traced to. */
export interface FailingRow {
  table: string;
  /** Position in the table's input, from 0. */
  index: number;
  row: Record<string, unknown>;
}

/** Rows per poll while a failure is traced: one, so the failing row is the last one read. */
interface Pinpoint {
  table: string;
  from: number;
}

/**
 * The state of one debug run shared by its stand-in connectors: the inputs each source reads, the
 * captures that replace every sink, and which source row was read last (to name a failing row).
 */
export class DebugSession {
  readonly captures = new Map<string, SinkCapture>();
  /** Rows each source table actually read, as JSON (captured live or given), for saving as a fixture. */
  readonly readRows = new Map<string, Record<string, unknown>[]>();
  private lastBatch: { table: string; from: number; to: number } | undefined;

  constructor(
    private readonly inputs: ReadonlyMap<string, DebugSourceInput>,
    private readonly maxChanges: number,
    private readonly pinpoint?: Pinpoint,
  ) {}

  /** The base connectors with every source, sink and given lookup table replaced by this session's stand-ins. */
  registry(base: ConnectorRegistry): ConnectorRegistry {
    const registry = new ConnectorRegistry();
    for (const name of base.names()) registry.register(this.standIn(base.require(name)));
    return registry;
  }

  /** The last batch a source handed the job before a failure, as the first row of it. */
  lastRead(): { table: string; from: number; to: number } | undefined {
    return this.lastBatch;
  }

  /** The source row at `index` of `table`, as JSON. */
  rowAt(table: string, index: number): Record<string, unknown> | undefined {
    return this.readRows.get(table)?.[index];
  }

  private standIn(real: Connector): Connector {
    return {
      name: real.name,
      requiredOptions: real.requiredOptions,
      optionalOptions: real.optionalOptions,
      ...(real.optionPatterns ? { optionPatterns: real.optionPatterns } : {}),
      ...(real.validate ? { validate: real.validate.bind(real) } : {}),
      ...(real.defaultLookupCache ? { defaultLookupCache: real.defaultLookupCache } : {}),
      ...(real.sourceChangelogMode ? { sourceChangelogMode: real.sourceChangelogMode.bind(real) } : {}),
      ...(real.sinkChangelogMode ? { sinkChangelogMode: real.sinkChangelogMode } : {}),
      // No projection or filter push-down: a source reads whole rows, so what it read can be saved as a fixture.
      ...(real.createSource ? { createSource: (table: ConnectorTable, subtask: SubtaskInfo) => this.source(real, table, subtask) } : {}),
      ...(real.createSink ? { createSink: (table: ConnectorTable) => this.sink(table) } : {}),
      ...(real.createLookup ? { createLookup: (table: ConnectorTable) => this.lookup(real, table) } : {}),
    };
  }

  private source(real: Connector, table: ConnectorTable, subtask: SubtaskInfo): SourceReader {
    const input = this.inputs.get(table.table);
    if (!input) throw new EngineError(`the debug run has no input for source table '${table.table}'`, { code: 'DEBUG_INPUT_MISSING', domain: 'user', details: { table: table.table } });
    const changelog = real.sourceChangelogMode?.(table) === 'all';
    if (subtask.subtaskIndex > 0) return { poll: () => ({ rows: [], finished: true }) };
    if (input.kind === 'rows') {
      const parsed = rowsFromJson(table.table, table.fields, input.rows);
      if (parsed.changelog && !changelog) {
        throw new EngineError(`debug input '${table.table}' has update or delete rows (${ROW_KIND_KEY}), but connector '${real.name}' reads inserts only`, { code: 'DEBUG_INPUT_INVALID', domain: 'user', details: { table: table.table } });
      }
      this.readRows.set(table.table, input.rows as Record<string, unknown>[]);
      return this.givenRows(table.table, parsed, changelog);
    }
    if (!real.createSource) throw new EngineError(`connector '${real.name}' cannot be read`, { code: 'CONNECTOR_ROLE', domain: 'user' });
    return this.liveCapture(table, real.createSource(table, { ...subtask, parallelism: 1 }), input);
  }

  private givenRows(table: string, input: DebugRows, changelog: boolean): SourceReader {
    let next = 0;
    return {
      poll: (maxRows) => {
        const single = this.pinpoint?.table === table && next >= this.pinpoint.from;
        const end = Math.min(input.rows.length, next + (single ? 1 : maxRows));
        const rows = input.rows.slice(next, end);
        const poll: SourcePoll = { rows, finished: end >= input.rows.length };
        if (changelog) poll.kinds = input.kinds.slice(next, end);
        if (rows.length > 0) this.lastBatch = { table, from: next, to: end };
        next = end;
        return poll;
      },
    };
  }

  private liveCapture(table: ConnectorTable, reader: SourceReader, limits: { maxRows: number; maxSeconds: number }): SourceReader {
    const read: Record<string, unknown>[] = [];
    this.readRows.set(table.table, read);
    let startedAt: number | undefined;
    let done = false;
    return {
      poll: (maxRows, nowMs) => {
        startedAt ??= nowMs;
        if (done || read.length >= limits.maxRows || nowMs - startedAt >= limits.maxSeconds * 1000) {
          done = true;
          return { rows: [], finished: true };
        }
        const poll = reader.poll(Math.min(maxRows, limits.maxRows - read.length), nowMs);
        const from = read.length;
        poll.rows.forEach((row, i) => {
          const json = rowToJson(table.fields, row);
          if (poll.kinds && poll.kinds[i] !== 0) json[ROW_KIND_KEY] = ROW_KIND_SHORT[poll.kinds[i]];
          read.push(json);
        });
        if (poll.rows.length > 0) this.lastBatch = { table: table.table, from, to: read.length };
        if (poll.finished) done = true;
        return poll;
      },
      close: () => reader.close?.(),
    };
  }

  private sink(table: ConnectorTable): SinkWriter {
    let capture = this.captures.get(table.table);
    if (!capture) {
      capture = new SinkCapture(table.table, table.fields, (field) => formatType(field.type), table.upsertKeys, this.maxChanges);
      this.captures.set(table.table, capture);
    }
    const into = capture;
    return { write: (rows, kinds) => into.write(rows, kinds), finish: () => undefined };
  }

  private lookup(real: Connector, table: ConnectorTable): LookupSource {
    const input = this.inputs.get(table.table);
    if (!input || input.kind !== 'rows') {
      // A dimension table without given rows is read live: a lookup only reads.
      if (!real.createLookup) throw new EngineError(`connector '${real.name}' cannot be a lookup table`, { code: 'CONNECTOR_ROLE', domain: 'user' });
      return real.createLookup(table);
    }
    this.readRows.set(table.table, input.rows as Record<string, unknown>[]);
    const keys = table.lookupKeys ?? [];
    const byKey = new Map<string, Row[]>();
    for (const row of rowsFromJson(table.table, table.fields, input.rows).rows) {
      const key = rowKey(keys.map((i) => row[i]));
      const rows = byKey.get(key);
      if (rows) rows.push(row);
      else byKey.set(key, [row]);
    }
    return { lookup: (key) => byKey.get(rowKey(key)) ?? [], loadAll: () => [...byKey.values()].flat() };
  }
}
