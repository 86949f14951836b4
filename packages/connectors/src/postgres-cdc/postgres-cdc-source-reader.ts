import pg from 'pg';
import { LogicalReplicationService, PgoutputPlugin, type Pgoutput } from 'pg-logical-replication';
import { EngineError, type ConnectorTable, type DataType } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import { quoteIdentifier } from '../jdbc/jdbc-client';
import { PostgresClient } from '../jdbc/postgres-client';
import { toEngineValue } from '../jdbc/value-mapping';
import type { PostgresCdcSpec } from './postgres-cdc-options';
import { fromPgoutput } from './pgoutput-values';

/**
 * Where the reader is. In the snapshot: the rows of it emitted. In the stream: `lsn` is the end of
 * the last transaction whose changes were all emitted, and `skip` how many changes of the next
 * one were; a restore restarts replication at `lsn` and skips those.
 */
type CdcPosition = { phase: 'snapshot'; rows: number } | { phase: 'stream'; lsn: string; skip: number };

const BUFFER_ROWS = 8192;
const INSERT = 0, UPDATE_BEFORE = 1, UPDATE_AFTER = 2, DELETE = 3;

/**
 * Flink CDC's postgres-cdc: a consistent snapshot of the table (read in the transaction whose
 * snapshot the new replication slot exported), then its changes from logical replication
 * (pgoutput) as +I/-U/+U/-D. The slot's confirmed position advances only when a checkpoint that
 * holds a later position completes, so the server keeps what a restore may need.
 */
export class PostgresCdcSourceReader extends BufferedSourceReader<CdcPosition> {
  private readonly columns: string[];
  private readonly types: DataType[];
  private service: LogicalReplicationService | undefined;
  private confirmed: string | undefined;

  constructor(
    private readonly spec: PostgresCdcSpec,
    table: ConnectorTable,
    private readonly reads: boolean,
  ) {
    super(BUFFER_ROWS, true);
    this.columns = table.fields.map((f) => f.name);
    this.types = table.fields.map((f) => f.type);
  }

  protected async fetch(from: CdcPosition | undefined): Promise<void> {
    if (!this.reads) return;
    const where = `'${this.spec.schema}.${this.spec.table}' in ${this.describe()}`;
    const client = await this.connect();
    let start: { lsn: string; skip: number };
    try {
      const replicaIdentity = await this.checkTable(client, where);
      if (this.spec.startup === 'snapshot') {
        await this.snapshotOnly(client, from?.phase === 'snapshot' ? from.rows : 0);
        return;
      }
      await this.checkReplication(client, where, replicaIdentity);
      await this.ensurePublication(client, where);
      if (from?.phase === 'stream') start = { lsn: from.lsn, skip: from.skip };
      else if (this.spec.startup === 'initial') start = { lsn: await this.snapshot(client, from?.rows ?? 0), skip: 0 };
      else start = { lsn: await this.latestOffset(client), skip: 0 };
    } finally {
      await client.close();
    }
    if (this.closed) return;
    this.confirmed = start.lsn;
    await this.stream(start);
  }

  async checkpointComplete(position: unknown): Promise<void> {
    const p = position as CdcPosition;
    if (p.phase !== 'stream' || !this.service) return;
    this.confirmed = p.lsn;
    await this.service.acknowledge(p.lsn);
  }

  protected async shutdown(): Promise<void> {
    await this.service?.stop();
  }

  private describe(): string {
    return `PostgreSQL at ${this.spec.hostname}:${this.spec.port}/${this.spec.database} as '${this.spec.username}'`;
  }

  private async connect(): Promise<PostgresClient> {
    try {
      return await PostgresClient.connect({ dialect: 'postgres', host: this.spec.hostname, port: this.spec.port, database: this.spec.database, params: {} }, this.spec.username, this.spec.password, this.spec.connectTimeoutMs);
    } catch (error) {
      throw this.cdcError(`cannot connect (${this.describe()})`, error);
    }
  }

  private cdcError(what: string, error: unknown): EngineError {
    const code = (error as { code?: unknown }).code;
    return new EngineError(`${what}: ${(error as Error).message}${typeof code === 'string' ? ` [${code}]` : ''}`, { code: 'CDC_FAILED', domain: 'external', cause: error });
  }

  /** The table must exist; answers its replica identity ('f' for FULL). */
  private async checkTable(client: PostgresClient, where: string): Promise<string> {
    const rows = await client.query(
      'SELECT c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2',
      [this.spec.schema, this.spec.table],
    );
    if (rows.length === 0) throw new EngineError(`table ${where} does not exist`, { code: 'CDC_FAILED', domain: 'user' });
    return rows[0][0] as string;
  }

  /** Replication needs wal_level = logical, and -U / -D the whole old row (REPLICA IDENTITY FULL). */
  private async checkReplication(client: PostgresClient, where: string, replicaIdentity: string): Promise<void> {
    if (replicaIdentity !== 'f') {
      throw new EngineError(`table ${where} must send whole old rows for updates and deletes: run ALTER TABLE ${this.qualified()} REPLICA IDENTITY FULL`, { code: 'CDC_FAILED', domain: 'user' });
    }
    const level = await client.query('SHOW wal_level');
    if (level[0]?.[0] !== 'logical') throw new EngineError(`${this.describe()} has wal_level = '${String(level[0]?.[0])}': logical replication needs wal_level = logical (ALTER SYSTEM SET wal_level = logical, then restart the server)`, { code: 'CDC_FAILED', domain: 'external' });
  }

  private qualified(): string {
    return `${quoteIdentifier('postgres', this.spec.schema)}.${quoteIdentifier('postgres', this.spec.table)}`;
  }

  private async ensurePublication(client: PostgresClient, where: string): Promise<void> {
    const { publication } = this.spec;
    const exists = await client.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [publication]);
    if (exists.length === 0) {
      try {
        await client.query(`CREATE PUBLICATION ${quoteIdentifier('postgres', publication)} FOR TABLE ${this.qualified()}`);
      } catch (error) {
        throw this.cdcError(`cannot create publication '${publication}' for table ${where} (create it as the table's owner, or grant ownership)`, error);
      }
      return;
    }
    const covered = await client.query('SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2 AND tablename = $3', [publication, this.spec.schema, this.spec.table]);
    if (covered.length === 0) throw new EngineError(`publication '${publication}' does not include table ${where}: ALTER PUBLICATION ${quoteIdentifier('postgres', publication)} ADD TABLE ${this.qualified()}`, { code: 'CDC_FAILED', domain: 'user' });
  }

  /** The table as one REPEATABLE READ transaction sees it, without a slot (`scan.startup.mode` = 'snapshot'). */
  private async snapshotOnly(client: PostgresClient, skip: number): Promise<void> {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await this.readSnapshot(client, skip);
    await client.query('COMMIT');
  }

  /** Pushes the table's rows (after `skip`) as +I, in a stable order so a restore can skip what it emitted. */
  private async readSnapshot(client: PostgresClient, skip: number): Promise<void> {
    const cols = this.columns.map((c) => quoteIdentifier('postgres', c)).join(', ');
    let rows = 0;
    await client.stream(`SELECT ${cols} FROM ${this.qualified()} ORDER BY ${this.columns.map((_, i) => i + 1).join(', ')}`, [], 1000, async (chunk) => {
      for (const raw of chunk) {
        rows++;
        if (rows <= skip) continue;
        this.push(raw.map((v, i) => toEngineValue(v, this.types[i])), { phase: 'snapshot', rows }, INSERT);
      }
      const room = this.room();
      if (room) await room;
    });
  }

  /** A new slot with an exported snapshot; the snapshot's rows (after `skip`) as +I. Returns where the stream starts. */
  private async snapshot(client: PostgresClient, skip: number): Promise<string> {
    const replication = new pg.Client({ host: this.spec.hostname, port: this.spec.port, database: this.spec.database, user: this.spec.username, password: this.spec.password, replication: 'database' } as pg.ClientConfig);
    replication.on('error', () => undefined);
    await replication.connect();
    try {
      // A slot left by an earlier start would stream from its own older position: a new snapshot needs a new slot.
      await client.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active', [this.spec.slot]);
      const created = await replication.query(`CREATE_REPLICATION_SLOT ${quoteIdentifier('postgres', this.spec.slot)} LOGICAL pgoutput EXPORT_SNAPSHOT`);
      const { consistent_point: lsn, snapshot_name: snapshotName } = created.rows[0] as { consistent_point: string; snapshot_name: string };
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET TRANSACTION SNAPSHOT '${snapshotName}'`);
      await this.readSnapshot(client, skip);
      await client.query('COMMIT');
      this.startsAt({ phase: 'snapshot', rows: 0 });
      // Once the snapshot's rows are polled a checkpoint restores into the stream, not into a new snapshot.
      this.mark({ phase: 'stream', lsn, skip: 0 });
      return lsn;
    } finally {
      await replication.end();
    }
  }

  /** Streams from the slot's current position (created now when missing). */
  private async latestOffset(client: PostgresClient): Promise<string> {
    const existing = await client.query('SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = $1', [this.spec.slot]);
    if (existing.length > 0) return existing[0][0] as string;
    const created = await client.query("SELECT lsn::text FROM pg_create_logical_replication_slot($1, 'pgoutput')", [this.spec.slot]);
    return created[0][0] as string;
  }

  private stream(start: { lsn: string; skip: number }): Promise<void> {
    const service = (this.service = new LogicalReplicationService(
      { host: this.spec.hostname, port: this.spec.port, database: this.spec.database, user: this.spec.username, password: this.spec.password },
      // Acknowledged on completed checkpoints only; a full buffer pauses the replication stream.
      { acknowledge: { auto: false, timeoutSeconds: 0 }, flowControl: { enabled: true } },
    ));
    let lsn = start.lsn;
    let skip = start.skip;
    let inTransaction = 0;
    const mine = (relation: Pgoutput.MessageRelation) => relation.schema === this.spec.schema && relation.name === this.spec.table;
    const row = (tuple: Record<string, unknown>) => this.columns.map((c, i) => fromPgoutput(tuple[c], this.types[i]));
    return new Promise<void>((resolve, reject) => {
      service.on('data', async (_lsn: string, message: Pgoutput.Message) => {
        switch (message.tag) {
          case 'begin':
            inTransaction = 0;
            return;
          case 'commit':
            lsn = message.commitEndLsn ?? lsn;
            skip = 0;
            return;
          case 'insert': case 'update': case 'delete': {
            if (!mine(message.relation)) return;
            const changes: [number, Record<string, unknown>][] = message.tag === 'insert' ? [[INSERT, message.new]]
              : message.tag === 'delete' ? [[DELETE, message.old ?? message.key ?? {}]]
              : [[UPDATE_BEFORE, message.old ?? message.key ?? {}], [UPDATE_AFTER, message.new]];
            for (const [kind, tuple] of changes) {
              inTransaction++;
              if (inTransaction <= skip) continue;
              this.push(row(tuple), { phase: 'stream', lsn, skip: inTransaction }, kind);
            }
            const room = this.room();
            if (room) await room;
            return;
          }
          default:
            return;
        }
      });
      service.on('heartbeat', (_lsn: string, _timestamp: number, shouldRespond: boolean) => {
        // Answer keepalives with the checkpointed position, never the stream's own.
        if (shouldRespond && this.confirmed) void service.acknowledge(this.confirmed);
      });
      service.on('error', (error: Error) => reject(this.cdcError(`logical replication of '${this.spec.schema}.${this.spec.table}' from slot '${this.spec.slot}' (${this.describe()}) failed`, error)));
      service.subscribe(new PgoutputPlugin({ protoVersion: 1, publicationNames: [this.spec.publication] }), this.spec.slot, start.lsn).then(
        () => resolve(),
        (error: unknown) => (this.closed ? resolve() : reject(this.cdcError(`cannot start logical replication from slot '${this.spec.slot}' (${this.describe()})`, error))),
      );
    });
  }
}
