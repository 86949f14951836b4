import mysqlCallbacks from 'mysql2';
import mysql from 'mysql2/promise';
import type { DriverRow, JdbcClient } from './jdbc-client';
import type { JdbcTarget } from './jdbc-url';

/** A MySQL or MariaDB connection in a UTC session, rows as arrays, exact numbers and dates as text. */
export class MysqlClient implements JdbcClient {
  readonly dialect = 'mysql' as const;

  private constructor(
    private readonly connection: mysql.Connection,
    private readonly options: mysql.ConnectionOptions,
  ) {}

  /** Connects; errors carry the server's message and code (e.g. ER_ACCESS_DENIED_ERROR). */
  static async connect(target: JdbcTarget, user: string | undefined, password: string | undefined, timeoutMs: number): Promise<MysqlClient> {
    const options: mysql.ConnectionOptions = {
      host: target.host, port: target.port, database: target.database, user, password,
      connectTimeout: timeoutMs, timezone: 'Z', dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, rowsAsArray: true,
      ...(target.params.useSSL === 'true' || target.params.sslMode === 'REQUIRED' ? { ssl: {} } : {}),
    };
    const connection = await mysql.createConnection(options);
    connection.on('error', () => undefined);
    await connection.query("SET time_zone = '+00:00'");
    return new MysqlClient(connection, options);
  }

  async query(sql: string, params: unknown[] = []): Promise<DriverRow[]> {
    const [rows] = await this.connection.query({ sql, values: params, rowsAsArray: true });
    return Array.isArray(rows) ? (rows as DriverRow[]) : [];
  }

  async transaction<T>(body: (client: JdbcClient) => Promise<T>): Promise<T> {
    await this.connection.beginTransaction();
    try {
      const result = await body(this);
      await this.connection.commit();
      return result;
    } catch (error) {
      await this.connection.rollback().catch(() => undefined);
      throw error;
    }
  }

  async stream(sql: string, params: unknown[], fetchSize: number, onRows: (rows: DriverRow[]) => Promise<void> | void): Promise<void> {
    // A second connection streams the result (the callback API has the row stream), so this one stays free.
    const streaming = mysqlCallbacks.createConnection(this.options);
    try {
      await streaming.promise().query("SET time_zone = '+00:00'");
      const stream = streaming.query({ sql, values: params, rowsAsArray: true }).stream({ highWaterMark: fetchSize });
      let chunk: DriverRow[] = [];
      for await (const row of stream) {
        chunk.push(row as DriverRow);
        if (chunk.length >= fetchSize) {
          await onRows(chunk);
          chunk = [];
        }
      }
      if (chunk.length > 0) await onRows(chunk);
    } finally {
      await streaming.promise().end();
    }
  }

  async close(): Promise<void> {
    await this.connection.end();
  }
}
