import { EngineError, type ConnectorTable, type DataType, type Row, type RowBatch, type RowKinds, type SinkContext, type SinkWriter } from '@weir/engine';
import { withRetries } from '../common/backoff';
import type { JdbcClient } from './jdbc-client';
import type { JdbcSpec } from './jdbc-options';
import { deleteStatement, insertStatement, markerTableDdl, rowsPerStatement, upsertStatement } from './jdbc-statements';
import { placeholder, quoteTableName } from './jdbc-client';
import { isTransient, jdbcError, openJdbcClient } from './open-jdbc-client';
import { toDatabaseValue } from './value-mapping';

/** A row to write (+I / +U) or delete (-D); -U is dropped, since an upsert replaces the row. */
interface Change {
  remove: boolean;
  row: Row;
}

/** What an exactly-once checkpoint stages: every change since the previous one, applied at commit. */
interface Committable {
  checkpointId: number;
  changes: Change[];
}

/**
 * Writes rows into a table: appended without a PRIMARY KEY, upserted and deleted by it with one.
 * At least once: buffered changes are written in one transaction when `sink.buffer-flush.max-rows`
 * or `sink.buffer-flush.interval` is reached and before every checkpoint, retried
 * `sink.max-retries` times on transient failures, and a full buffer holds the job back while a
 * write is under way. Exactly once (`sink.delivery-guarantee`, in an EXACTLY_ONCE job): the changes
 * of a checkpoint are kept in it and written with a commit marker (`weir_sink_commits`) in one
 * transaction once it completes, so a restored run that commits them again finds the marker and
 * writes nothing twice.
 */
export class JdbcSinkWriter implements SinkWriter {
  private readonly client: Promise<JdbcClient>;
  private readonly columns: string[];
  private readonly types: DataType[];
  private readonly keys: string[] | undefined;
  private readonly keyIndexes: number[];
  private readonly exactlyOnce: boolean;
  private buffer = new Map<string, Change>();
  private appended: Change[] = [];
  private flushing: Promise<void> | null = null;
  private failure: unknown;
  private draining = false;
  private readonly timer: NodeJS.Timeout | undefined;
  private markerReady = false;

  constructor(
    private readonly spec: JdbcSpec,
    table: ConnectorTable,
    private readonly context: SinkContext,
  ) {
    this.columns = table.fields.map((f) => f.name);
    this.types = table.fields.map((f) => f.type);
    this.keys = table.primaryKey?.length ? table.primaryKey : undefined;
    this.keyIndexes = (this.keys ?? []).map((k) => this.columns.indexOf(k));
    if (table.upsertKeys && !this.keys) {
      throw new EngineError(`jdbc sink '${table.table}' receives updates, so it needs a PRIMARY KEY (…) NOT ENFORCED to upsert by (for example the GROUP BY columns)`, { code: 'SINK_NEEDS_KEY', domain: 'user' });
    }
    this.exactlyOnce = spec.delivery === 'exactly-once' && context.delivery === 'EXACTLY_ONCE';
    this.client = openJdbcClient(spec);
    this.client.catch((error: unknown) => (this.failure ??= error));
    if (!this.exactlyOnce && spec.flushIntervalMs > 0) {
      this.timer = setInterval(() => {
        if (this.size() > 0) this.startFlush();
      }, spec.flushIntervalMs);
      this.timer.unref();
    }
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    this.check();
    for (let i = 0; i < rows.length; i++) {
      const kind = kinds?.[i] ?? 0;
      if (kind === 1) continue;
      const change = { remove: kind === 3, row: rows[i] };
      if (this.keys) this.buffer.set(JSON.stringify(this.keyIndexes.map((k) => rows[i][k])), change);
      else this.appended.push(change);
    }
    if (!this.exactlyOnce && this.spec.flushMaxRows > 0 && this.size() >= this.spec.flushMaxRows) this.startFlush();
  }

  finish(): void {
    this.draining = !this.exactlyOnce;
  }

  prepareSnapshot(): void {
    if (!this.exactlyOnce) this.draining = true;
  }

  pending(): Promise<void> | null {
    this.check();
    if (this.draining) {
      if (this.size() === 0 && !this.flushing) {
        this.draining = false;
        return null;
      }
      return this.drain();
    }
    if (this.flushing && this.spec.flushMaxRows > 0 && this.size() >= this.spec.flushMaxRows) return this.flushing.then(() => this.check());
    return null;
  }

  preCommit(checkpointId: number): Committable | undefined {
    if (!this.exactlyOnce) return undefined;
    return { checkpointId, changes: this.take() };
  }

  async commit(committables: unknown[]): Promise<void> {
    for (const committable of committables as Committable[]) await this.commitOne(committable);
  }

  async recover(committables: unknown[]): Promise<void> {
    await this.commit(committables);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing?.catch(() => undefined);
    const client = await this.client.catch(() => undefined);
    await client?.close();
  }

  private size(): number {
    return this.keys ? this.buffer.size : this.appended.length;
  }

  private take(): Change[] {
    if (this.keys) {
      const changes = [...this.buffer.values()];
      this.buffer = new Map();
      return changes;
    }
    const changes = this.appended;
    this.appended = [];
    return changes;
  }

  private async drain(): Promise<void> {
    while (this.flushing || this.size() > 0) {
      if (!this.flushing) this.startFlush();
      await this.flushing;
      this.check();
    }
  }

  private startFlush(): void {
    if (this.flushing || this.failure !== undefined) return;
    const changes = this.take();
    this.flushing = this.write0(changes).then(
      () => {
        this.flushing = null;
      },
      (error: unknown) => {
        this.failure ??= error;
        this.flushing = null;
      },
    );
  }

  private async write0(changes: Change[]): Promise<void> {
    const client = await this.client;
    try {
      await withRetries(() => client.transaction((tx) => this.apply(tx, changes)), this.spec.maxRetries, isTransient);
    } catch (error) {
      throw jdbcError(this.spec, `cannot write ${changes.length} rows to table '${this.spec.tableName}'`, error);
    }
  }

  private async commitOne(committable: Committable): Promise<void> {
    const client = await this.client;
    const { dialect } = client;
    const marker = quoteTableName(dialect, this.spec.markerTable);
    try {
      if (!this.markerReady) {
        await client.query(markerTableDdl(dialect, this.spec.markerTable));
        this.markerReady = true;
      }
      await withRetries(() => client.transaction(async (tx) => {
        const where = `sink_id = ${placeholder(dialect, 0)} AND subtask = ${placeholder(dialect, 1)} AND checkpoint_id = ${placeholder(dialect, 2)}`;
        const params = [this.context.uid, this.context.subtaskIndex, committable.checkpointId];
        // The marker row is locked with the check, so two attempts cannot both commit the same checkpoint.
        const done = await tx.query(`SELECT 1 FROM ${marker} WHERE ${where} FOR UPDATE`, params);
        if (done.length > 0) return;
        await this.apply(tx, committable.changes);
        await tx.query(`INSERT INTO ${marker} (sink_id, subtask, checkpoint_id) VALUES (${placeholder(dialect, 0)}, ${placeholder(dialect, 1)}, ${placeholder(dialect, 2)})`, params);
      }), this.spec.maxRetries, isTransient);
    } catch (error) {
      throw jdbcError(this.spec, `cannot commit checkpoint ${committable.checkpointId} into table '${this.spec.tableName}'`, error);
    }
  }

  /** Deletes first, then inserts or upserts, in statements of as many rows as the server binds. */
  private async apply(tx: JdbcClient, changes: Change[]): Promise<void> {
    const { dialect } = tx;
    const removed = changes.filter((c) => c.remove);
    const written = changes.filter((c) => !c.remove);
    if (this.keys && removed.length > 0) {
      const keyTypes = this.keyIndexes.map((k) => this.types[k]);
      for (const chunk of chunks(removed, rowsPerStatement(this.keys.length))) {
        const params = chunk.flatMap((c) => this.keyIndexes.map((k, i) => toDatabaseValue(c.row[k], keyTypes[i], dialect)));
        await tx.query(deleteStatement(dialect, this.spec.tableName, this.keys, chunk.length), params);
      }
    }
    for (const chunk of chunks(written, rowsPerStatement(this.columns.length))) {
      const params = chunk.flatMap((c) => c.row.map((v, i) => toDatabaseValue(v, this.types[i], dialect)));
      const sql = this.keys
        ? upsertStatement(dialect, this.spec.tableName, this.columns, this.keys, chunk.length)
        : insertStatement(dialect, this.spec.tableName, this.columns, chunk.length);
      await tx.query(sql, params);
    }
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
