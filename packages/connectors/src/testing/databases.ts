import { randomUUID } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';

/** A database of its own for one test file, on this machine's PostgreSQL or MariaDB. */
export interface TestDatabase {
  /** The JDBC URL of the database, for WITH ('url' = …). */
  url: string;
  /** The WITH options that reach it: url, username, password. */
  options: string;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

const PG = { host: '127.0.0.1', port: 5432, user: process.env.PGUSER ?? 'postgres' };
const MY = { host: '127.0.0.1', port: 3306, user: 'root' };

/** Creates a fresh PostgreSQL database. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `weir_conn_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ ...PG, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const client = new pg.Client({ ...PG, database: name });
  await client.connect();
  return {
    url: `jdbc:postgresql://${PG.host}:${PG.port}/${name}`,
    options: `'url' = 'jdbc:postgresql://${PG.host}:${PG.port}/${name}', 'username' = '${PG.user}'`,
    query: async (sql, params) => (await client.query(sql, params)).rows,
    drop: async () => {
      await client.end();
      const again = new pg.Client({ ...PG, database: 'postgres' });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** Creates a fresh MariaDB database. */
export async function createMysqlDatabase(): Promise<TestDatabase> {
  const name = `weir_conn_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = await mysql.createConnection(MY);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const connection = await mysql.createConnection({ ...MY, database: name, timezone: 'Z', dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  return {
    url: `jdbc:mysql://${MY.host}:${MY.port}/${name}`,
    options: `'url' = 'jdbc:mysql://${MY.host}:${MY.port}/${name}', 'username' = '${MY.user}'`,
    query: async (sql, params) => {
      const [rows] = await connection.query(sql, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    },
    drop: async () => {
      await connection.query(`DROP DATABASE IF EXISTS ${name}`);
      await connection.end();
    },
  };
}
