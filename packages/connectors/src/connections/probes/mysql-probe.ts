import mysql from 'mysql2/promise';
import type { ConnectionObject, ObjectColumn } from '@weir/contracts';
import type { ConnectionProbe, RawSample } from '../connection-probe';
import { ProbeFailure } from '../connection-failure';
import { splitObject } from '../connection-specs';
import { mysqlFlinkType } from './sql-types';

const COLUMNS_SQL = `
SELECT c.TABLE_SCHEMA AS s, c.TABLE_NAME AS t, tb.TABLE_TYPE AS tt, c.COLUMN_NAME AS n, c.COLUMN_TYPE AS ct, c.IS_NULLABLE AS nl, c.COLUMN_KEY AS k
  FROM information_schema.COLUMNS c
  JOIN information_schema.TABLES tb ON tb.TABLE_SCHEMA = c.TABLE_SCHEMA AND tb.TABLE_NAME = c.TABLE_NAME
 WHERE c.TABLE_SCHEMA = ? AND (? IS NULL OR c.TABLE_NAME = ?)
 ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`;

type ColumnRow = { s: string; t: string; tt: string; n: string; ct: string; nl: string; k: string };

async function open(options: Record<string, string>, timeoutMs: number): Promise<mysql.Connection> {
  const connection = await mysql.createConnection({
    host: options.hostname,
    port: Number(options.port ?? 3306),
    database: options['database-name'],
    user: options.username,
    password: options.password,
    connectTimeout: timeoutMs,
    timezone: 'Z',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  connection.on('error', () => undefined);
  return connection;
}

async function describe(connection: mysql.Connection, database: string, table: string | null): Promise<ConnectionObject[]> {
  const [rows] = await connection.query(COLUMNS_SQL, [database, table, table]);
  const objects = new Map<string, ConnectionObject & { columns: ObjectColumn[]; primaryKey: string[] }>();
  for (const c of rows as ColumnRow[]) {
    let object = objects.get(c.t);
    if (!object) {
      object = { name: c.t, kind: c.tt === 'VIEW' ? 'view' : 'table', path: [c.s, c.t], columns: [], primaryKey: [] };
      objects.set(c.t, object);
    }
    object.columns.push({ name: c.n, type: mysqlFlinkType(c.ct), nullable: c.nl === 'YES', nativeType: c.ct });
    if (c.k === 'PRI') object.primaryKey.push(c.n);
  }
  return [...objects.values()];
}

function jsonValue(value: unknown): unknown {
  return Buffer.isBuffer(value) ? value.toString('base64') : value;
}

export const mysqlProbe: ConnectionProbe = {
  endpoint: (o) => `MySQL at ${o.hostname}:${o.port ?? 3306}/${o['database-name']}`,
  user: (o) => o.username,
  async test(options, timeoutMs) {
    const connection = await open(options, timeoutMs);
    try {
      const [rows] = await connection.query('SELECT VERSION() AS v');
      return { server: `MySQL-compatible ${(rows as { v: string }[])[0]?.v ?? ''}`.trim() };
    } finally {
      await connection.end().catch(() => undefined);
    }
  },
  async objects(options, timeoutMs) {
    const connection = await open(options, timeoutMs);
    try {
      return { items: await describe(connection, options['database-name'], null) };
    } finally {
      await connection.end().catch(() => undefined);
    }
  },
  async sample(options, object, limits): Promise<RawSample> {
    const [database, table] = splitObject(object);
    const connection = await open(options, Math.ceil(limits.maxSeconds * 1000));
    try {
      const [described] = await describe(connection, database ?? options['database-name'], table ?? object);
      if (!described?.columns) throw new ProbeFailure('NOT_FOUND', `table '${object}' does not exist in database '${database ?? options['database-name']}'`);
      const quoted = described.path.map((p) => `\`${p.replace(/`/g, '``')}\``).join('.');
      const [rows] = await connection.query({ sql: `SELECT * FROM ${quoted} LIMIT ${limits.maxRows}`, timeout: Math.ceil(limits.maxSeconds * 1000) });
      const records = (rows as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonValue(v)])));
      return { kind: 'table', rows: records, columns: described.columns, primaryKey: described.primaryKey ?? [], timedOut: false };
    } finally {
      await connection.end().catch(() => undefined);
    }
  },
};
