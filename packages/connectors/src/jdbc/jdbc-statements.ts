import { placeholder, quoteIdentifier, quoteTableName } from './jdbc-client';
import type { JdbcTarget } from './jdbc-url';

type Dialect = JdbcTarget['dialect'];

/** The most parameters one statement binds (both servers allow 65535). */
const MAX_PARAMS = 65_535;

/** How many rows of `columns` values one statement may carry. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, columns)));
}

function valuesList(dialect: Dialect, rows: number, columns: number): string {
  const groups: string[] = [];
  for (let r = 0; r < rows; r++) {
    const ps: string[] = [];
    for (let c = 0; c < columns; c++) ps.push(placeholder(dialect, r * columns + c));
    groups.push(`(${ps.join(', ')})`);
  }
  return groups.join(', ');
}

/** A multi-row INSERT of `rows` rows. */
export function insertStatement(dialect: Dialect, table: string, columns: readonly string[], rows: number): string {
  const cols = columns.map((c) => quoteIdentifier(dialect, c)).join(', ');
  return `INSERT INTO ${quoteTableName(dialect, table)} (${cols}) VALUES ${valuesList(dialect, rows, columns.length)}`;
}

/** A multi-row upsert on `keys`: ON CONFLICT … DO UPDATE (PostgreSQL) or ON DUPLICATE KEY UPDATE (MySQL). */
export function upsertStatement(dialect: Dialect, table: string, columns: readonly string[], keys: readonly string[], rows: number): string {
  const insert = insertStatement(dialect, table, columns, rows);
  const others = columns.filter((c) => !keys.includes(c));
  if (dialect === 'postgres') {
    const conflict = keys.map((k) => quoteIdentifier(dialect, k)).join(', ');
    if (others.length === 0) return `${insert} ON CONFLICT (${conflict}) DO NOTHING`;
    return `${insert} ON CONFLICT (${conflict}) DO UPDATE SET ${others.map((c) => `${quoteIdentifier(dialect, c)} = EXCLUDED.${quoteIdentifier(dialect, c)}`).join(', ')}`;
  }
  const updated = others.length > 0 ? others : keys;
  return `${insert} ON DUPLICATE KEY UPDATE ${updated.map((c) => `${quoteIdentifier(dialect, c)} = VALUES(${quoteIdentifier(dialect, c)})`).join(', ')}`;
}

/** Deletes the rows whose `keys` equal any of `rows` key tuples. */
export function deleteStatement(dialect: Dialect, table: string, keys: readonly string[], rows: number): string {
  const cols = keys.map((k) => quoteIdentifier(dialect, k)).join(', ');
  return `DELETE FROM ${quoteTableName(dialect, table)} WHERE (${cols}) IN (${valuesList(dialect, rows, keys.length)})`;
}

/** `SELECT cols FROM table [WHERE where]`, columns quoted. */
export function selectStatement(dialect: Dialect, table: string, columns: readonly string[], where?: string, orderBy?: string): string {
  const cols = columns.map((c) => quoteIdentifier(dialect, c)).join(', ');
  return `SELECT ${cols} FROM ${quoteTableName(dialect, table)}${where ? ` WHERE ${where}` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
}

/** `k1 = $1 AND k2 = $2` from parameter `offset` on. */
export function keyCondition(dialect: Dialect, keys: readonly string[], offset = 0): string {
  return keys.map((k, i) => `${quoteIdentifier(dialect, k)} = ${placeholder(dialect, offset + i)}`).join(' AND ');
}

/** The commit-marker table of exactly-once sinks: one row per committed checkpoint of a sink subtask. */
export function markerTableDdl(dialect: Dialect, table: string): string {
  const id = dialect === 'postgres' ? 'TEXT' : 'VARCHAR(255)';
  return `CREATE TABLE IF NOT EXISTS ${quoteTableName(dialect, table)} (sink_id ${id} NOT NULL, subtask INT NOT NULL, checkpoint_id BIGINT NOT NULL, committed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (sink_id, subtask, checkpoint_id))`;
}
