import pg from 'pg';
import type { ConnectionObject, ObjectColumn } from '@weir/contracts';
import type { ConnectionProbe, RawSample, SampleLimits } from '../connection-probe';
import { ProbeFailure } from '../connection-failure';
import { splitObject } from '../connection-specs';
import { postgresFlinkType } from './sql-types';

const COLUMNS_SQL = `
SELECT c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type, c.udt_name, c.is_nullable,
       c.numeric_precision, c.numeric_scale, c.datetime_precision
  FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
 WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'
   AND ($1::text IS NULL OR c.table_schema = $1) AND ($2::text IS NULL OR c.table_name = $2)
 ORDER BY c.table_schema, c.table_name, c.ordinal_position`;

const KEYS_SQL = `
SELECT k.table_schema, k.table_name, k.column_name
  FROM information_schema.table_constraints tc
  JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
 WHERE tc.constraint_type = 'PRIMARY KEY' AND ($1::text IS NULL OR k.table_schema = $1) AND ($2::text IS NULL OR k.table_name = $2)
 ORDER BY k.ordinal_position`;

type ColumnRow = { table_schema: string; table_name: string; table_type: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; numeric_precision: number | null; numeric_scale: number | null; datetime_precision: number | null };

async function open(options: Record<string, string>, timeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({
    host: options.hostname,
    port: Number(options.port ?? 5432),
    database: options['database-name'],
    user: options.username,
    password: options.password,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    ...(options.sslmode && options.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: options.sslmode === 'verify-full' } } : {}),
    // int8 and numeric stay text, so a sample shows every digit.
    types: { getTypeParser: (oid: number, format?: string) => ([20, 1700].includes(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text')) },
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Reads the tables of the schemas the user can see, with columns and primary keys. */
async function describe(client: pg.Client, schema: string | null, table: string | null): Promise<ConnectionObject[]> {
  const columns = (await client.query<ColumnRow>(COLUMNS_SQL, [schema, table])).rows;
  const keys = (await client.query<{ table_schema: string; table_name: string; column_name: string }>(KEYS_SQL, [schema, table])).rows;
  const objects = new Map<string, ConnectionObject & { columns: ObjectColumn[] }>();
  for (const c of columns) {
    const name = `${c.table_schema}.${c.table_name}`;
    let object = objects.get(name);
    if (!object) {
      object = { name, kind: c.table_type === 'VIEW' ? 'view' : 'table', path: [c.table_schema, c.table_name], columns: [], primaryKey: [] };
      objects.set(name, object);
    }
    object.columns.push({ name: c.column_name, type: postgresFlinkType(c.data_type, c.udt_name, c.numeric_precision, c.numeric_scale, c.datetime_precision), nullable: c.is_nullable === 'YES', nativeType: c.data_type === 'ARRAY' ? `${c.udt_name.replace(/^_/, '')}[]` : c.data_type });
  }
  for (const k of keys) objects.get(`${k.table_schema}.${k.table_name}`)?.primaryKey?.push(k.column_name);
  return [...objects.values()];
}

/** Values as JSON can carry them: dates as ISO text, bytes as base64. */
function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(jsonValue);
  return value;
}

export const postgresProbe: ConnectionProbe = {
  endpoint: (o) => `PostgreSQL at ${o.hostname}:${o.port ?? 5432}/${o['database-name']}`,
  user: (o) => o.username,
  async test(options, timeoutMs) {
    const client = await open(options, timeoutMs);
    try {
      const { rows } = await client.query<{ version: string }>("SELECT split_part(version(), ' on ', 1) AS version");
      return { server: rows[0]?.version };
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  async objects(options, timeoutMs) {
    const client = await open(options, timeoutMs);
    try {
      return { items: await describe(client, null, null) };
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  async sample(options, object, limits: SampleLimits): Promise<RawSample> {
    const [schema, table] = splitObject(object);
    const client = await open(options, Math.ceil(limits.maxSeconds * 1000));
    try {
      const [described] = await describe(client, schema ?? 'public', table ?? object);
      if (!described?.columns) throw new ProbeFailure('NOT_FOUND', `table '${object}' does not exist in database '${options['database-name']}' (or the user cannot see it)`);
      const quoted = described.path.map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
      const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM ${quoted} LIMIT ${limits.maxRows}`);
      return { kind: 'table', rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonValue(v)]))), columns: described.columns, primaryKey: described.primaryKey ?? [], timedOut: false };
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};
