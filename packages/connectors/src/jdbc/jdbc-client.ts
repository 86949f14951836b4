import type { JdbcTarget } from './jdbc-url';

/** Rows as arrays of driver values, in the order of the statement's columns. */
export type DriverRow = unknown[];

/** A connection to one database, the same for PostgreSQL and MySQL/MariaDB. */
export interface JdbcClient {
  readonly dialect: JdbcTarget['dialect'];
  query(sql: string, params?: unknown[]): Promise<DriverRow[]>;
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (client: JdbcClient) => Promise<T>): Promise<T>;
  /** Streams a query's rows in chunks of up to `fetchSize`; `onRows` may pause the stream by returning a promise. */
  stream(sql: string, params: unknown[], fetchSize: number, onRows: (rows: DriverRow[]) => Promise<void> | void): Promise<void>;
  close(): Promise<void>;
}

/** Quotes an identifier the way the dialect does (`"a"` or `` `a` ``), doubling quotes inside. */
export function quoteIdentifier(dialect: JdbcTarget['dialect'], name: string): string {
  const q = dialect === 'postgres' ? '"' : '`';
  return q + name.split(q).join(q + q) + q;
}

/** A table name, possibly `schema.table`, quoted part by part. */
export function quoteTableName(dialect: JdbcTarget['dialect'], name: string): string {
  return name.split('.').map((part) => quoteIdentifier(dialect, part)).join('.');
}

/** The placeholder for parameter `i` (0-based): `$1` or `?`. */
export function placeholder(dialect: JdbcTarget['dialect'], i: number): string {
  return dialect === 'postgres' ? `$${i + 1}` : '?';
}
