import { EngineError, type ConnectorTable, type DataType, type LookupSource, type Row } from '@weir/engine';
import { withRetries } from '../common/backoff';
import type { JdbcClient } from './jdbc-client';
import type { JdbcSpec } from './jdbc-options';
import { keyCondition, selectStatement } from './jdbc-statements';
import { isTransient, jdbcError, openJdbcClient } from './open-jdbc-client';
import { toDatabaseValue, toEngineValue } from './value-mapping';

/**
 * Lookups of a dimension table by the join's key columns, one parameterized SELECT per key on a
 * connection of its own (reopened after a failure), retried `lookup.max-retries` times. The
 * engine's lookup join caches (`lookup.cache`), batches distinct keys and keeps order.
 */
export class JdbcLookupSource implements LookupSource {
  private client: Promise<JdbcClient> | undefined;
  private readonly columns: string[];
  private readonly types: DataType[];
  private readonly keyColumns: string[];
  private readonly keyTypes: DataType[];
  private readonly byKey: string;
  private readonly all: string;

  constructor(
    private readonly spec: JdbcSpec,
    table: ConnectorTable,
  ) {
    this.columns = table.fields.map((f) => f.name);
    this.types = table.fields.map((f) => f.type);
    const keys = table.lookupKeys ?? [];
    this.keyColumns = keys.map((k) => this.columns[k]);
    this.keyTypes = keys.map((k) => this.types[k]);
    const dialect = spec.target.dialect;
    this.byKey = selectStatement(dialect, spec.tableName, this.columns, keyCondition(dialect, this.keyColumns));
    this.all = selectStatement(dialect, spec.tableName, this.columns);
  }

  async lookup(key: Row): Promise<Row[]> {
    const dialect = this.spec.target.dialect;
    const params = key.map((v, i) => toDatabaseValue(v, this.keyTypes[i], dialect));
    return this.rows(this.byKey, params, `look up ${this.keyColumns.map((c, i) => `${c} = ${JSON.stringify(key[i])}`).join(', ')} in`);
  }

  async loadAll(): Promise<Row[]> {
    return this.rows(this.all, [], 'load');
  }

  async close(): Promise<void> {
    const client = await this.client?.catch(() => undefined);
    await client?.close();
  }

  private async rows(sql: string, params: unknown[], what: string): Promise<Row[]> {
    let raw: unknown[][];
    try {
      raw = await withRetries(async () => {
        try {
          return await (await this.connection()).query(sql, params);
        } catch (error) {
          // A broken connection is replaced before the next attempt.
          if (isTransient(error)) this.reset();
          throw error;
        }
      }, this.spec.lookupMaxRetries, isTransient);
    } catch (error) {
      if (error instanceof EngineError) throw error;
      throw jdbcError(this.spec, `cannot ${what} table '${this.spec.tableName}'`, error);
    }
    return raw.map((r) => r.map((v, i) => toEngineValue(v, this.types[i])));
  }

  private connection(): Promise<JdbcClient> {
    this.client ??= openJdbcClient(this.spec);
    return this.client;
  }

  private reset(): void {
    const old = this.client;
    this.client = undefined;
    void old?.then((c) => c.close()).catch(() => undefined);
  }
}
