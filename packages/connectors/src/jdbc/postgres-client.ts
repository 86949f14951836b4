import pg from 'pg';
import Cursor from 'pg-cursor';
import type { DriverRow, JdbcClient } from './jdbc-client';
import type { JdbcTarget } from './jdbc-url';

/** Types read as text, so the engine parses them exactly: int8, numeric, date, time, timestamp, timestamptz. */
const TEXT_TYPES = new Set([20, 1700, 1082, 1083, 1114, 1184]);
const types = {
  getTypeParser: (oid: number, format?: string) => (TEXT_TYPES.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')),
};

/** A PostgreSQL connection in a UTC session, rows as arrays. */
export class PostgresClient implements JdbcClient {
  readonly dialect = 'postgres' as const;

  private constructor(private readonly client: pg.Client) {}

  /** Connects and sets the session to UTC; errors carry the server's message and code. */
  static async connect(target: JdbcTarget, user: string | undefined, password: string | undefined, timeoutMs: number): Promise<PostgresClient> {
    const client = new pg.Client({
      host: target.host, port: target.port, database: target.database, user, password, types,
      connectionTimeoutMillis: timeoutMs,
      ...(target.params.sslmode && target.params.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: target.params.sslmode === 'verify-full' } } : {}),
    });
    // A dropped connection must fail the run, not crash the worker: errors arrive on the next query.
    client.on('error', () => undefined);
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'");
    return new PostgresClient(client);
  }

  async query(sql: string, params: unknown[] = []): Promise<DriverRow[]> {
    const result = await this.client.query({ text: sql, values: params, rowMode: 'array' });
    return result.rows as DriverRow[];
  }

  async transaction<T>(body: (client: JdbcClient) => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await body(this);
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async stream(sql: string, params: unknown[], fetchSize: number, onRows: (rows: DriverRow[]) => Promise<void> | void): Promise<void> {
    const cursor = this.client.query(new Cursor(sql, params, { rowMode: 'array', types }));
    try {
      for (;;) {
        const rows = (await cursor.read(fetchSize)) as DriverRow[];
        if (rows.length === 0) return;
        await onRows(rows);
      }
    } finally {
      await cursor.close();
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
