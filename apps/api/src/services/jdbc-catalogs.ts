import type { PinnedCatalogTable } from '@weir/contracts';
import { quoteIdentifier, renderTableDdl } from '@weir/connectors';
import { DEFAULT_CATALOG } from '@weir/engine';
import type { Connection as ConnectionRow, PrismaClient } from '@weir/db';
import type { Logger } from 'pino';
import type { ConnectionService } from './connection-service';

/** How long a database's table list is reused before it is read again. */
const CACHE_MS = 30_000;

/**
 * Flink's JdbcCatalog: every PostgreSQL or MySQL connection is a catalog named like the
 * connection, whose databases are the PostgreSQL schemas (or MySQL databases) and whose tables
 * are the database's own, so `warehouse.public.orders` needs no registration. Read from the
 * database's information schema when a script names the connection, and cached briefly.
 */
export class JdbcCatalogs {
  private readonly cache = new Map<string, { at: number; tables: PinnedCatalogTable[] }>();

  constructor(
    private readonly db: PrismaClient,
    private readonly connections: ConnectionService,
    private readonly log?: Logger,
  ) {}

  /** The tables of the SQL databases the script names as catalogs. */
  async tablesFor(workspaceId: string, sql: string): Promise<PinnedCatalogTable[]> {
    const words = new Set(sql.match(/[A-Za-z_][A-Za-z0-9_-]*/g) ?? []);
    const rows = await this.db.connection.findMany({ where: { workspaceId, type: { in: ['postgres', 'mysql'] } } });
    const named = rows.filter((row) => words.has(row.name) && row.name !== DEFAULT_CATALOG);
    return (await Promise.all(named.map((row) => this.tablesOf(row)))).flat();
  }

  private async tablesOf(row: ConnectionRow): Promise<PinnedCatalogTable[]> {
    const cached = this.cache.get(row.id);
    if (cached && Date.now() - cached.at < CACHE_MS && cached.at >= row.updatedAt.getTime()) return cached.tables;
    let tables: PinnedCatalogTable[] = [];
    try {
      const { items } = await this.connections.objects(row.workspaceId, row.id);
      const options = this.connections.tableOptions(row, 'jdbc');
      tables = items.filter((o) => o.columns && o.path.length === 2).map((o) => {
        const [database = '', name = ''] = o.path;
        const ddl = renderTableDdl({ name: quoteIdentifier(name), columns: o.columns ?? [], primaryKey: o.primaryKey ?? [], options: { connector: 'jdbc', 'table-name': `${database}.${name}` } });
        return { catalog: row.name, database, name, ddl, options };
      });
    } catch (error) {
      // The catalog then lists nothing: a script naming its tables gets TABLE_NOT_FOUND, and Test on the connection says why.
      this.log?.warn({ connection: row.name, err: error }, 'cannot read a JDBC catalog');
    }
    this.cache.set(row.id, { at: Date.now(), tables });
    return tables;
  }
}
