import { PinnedFunctions, WeirError, type CatalogFunction, type CatalogFunctionRequest, type CatalogTable, type CatalogTableRequest, type CatalogTableRole, type CatalogTableSaved, type CatalogTableUse, type ConnectionType, type PinnedCatalogTable, type SqlDiagnostic } from '@weir/contracts';
import { allConnectors, connectionSpec } from '@weir/connectors';
import { catalogOfTables, checkTableDefinition, DEFAULT_CATALOG, DEFAULT_DATABASE, type ExternalCatalog } from '@weir/engine';
import { Prisma, type CatalogFunction as CatalogFunctionRow, type CatalogTable as CatalogTableRow, type Connection as ConnectionRow, type PrismaClient } from '@weir/db';
import type { ConnectionService } from './connection-service';
import type { JdbcCatalogs } from './jdbc-catalogs';
import { diagnose } from './sql-validation';
import { assertFunctionsParse, versionFunctions } from './job-functions';

const connectors = allConnectors();
const ENGINE_ROLE = { source: 'source', sink: 'sink', dimension: 'lookup' } as const;
const DB_ROLE = { source: 'SOURCE', sink: 'SINK', dimension: 'DIMENSION' } as const;

type Row = CatalogTableRow & { connection: ConnectionRow | null };

/** A workspace's catalog for one validation or deploy, remembering which tables the SQL resolved. */
export interface WorkspaceCatalog {
  catalog: ExternalCatalog;
  /** The tables resolved so far, as a deployment pins them. */
  used(): PinnedCatalogTable[];
  /** The workspace's registered functions, as a deployment pins them. */
  functions: PinnedFunctions;
}

/** The workspace catalog (`default_catalog.default_database`): tables registered by DDL, used by name in SQL. */
export class CatalogService {
  constructor(
    private readonly db: PrismaClient,
    private readonly connections: ConnectionService,
    private readonly jdbc: JdbcCatalogs,
  ) {}

  async list(workspaceId: string): Promise<CatalogTable[]> {
    const rows = await this.db.catalogTable.findMany({ where: { workspaceId }, include: { connection: true }, orderBy: { name: 'asc' } });
    return rows.map(view);
  }

  async get(workspaceId: string, id: string): Promise<CatalogTable> {
    return view(await this.row(workspaceId, id));
  }

  /** Registers a table; its DDL must be valid, with its connection's options, for every role it names. */
  async create(workspaceId: string, body: CatalogTableRequest): Promise<CatalogTableSaved> {
    const checked = await this.check(workspaceId, body);
    const taken = await this.db.catalogTable.findUnique({ where: { workspaceId_name: { workspaceId, name: checked.name } }, select: { id: true } });
    if (taken) throw new WeirError('CONFLICT', `the catalog already has a table named '${checked.name}'`, { details: { issues: [{ path: 'ddl', message: `table '${checked.name}' exists` }] } });
    const row = await this.db.catalogTable.create({ data: { workspaceId, ...this.data(body, checked) }, include: { connection: true } });
    return { table: view(row), usedBy: [], breaks: [] };
  }

  /**
   * Replaces a table's definition. Deployments keep the definition they were deployed with; the
   * answer lists the ones that use the table and those whose SQL the new definition would break.
   */
  async update(workspaceId: string, id: string, body: CatalogTableRequest): Promise<CatalogTableSaved> {
    const existing = await this.row(workspaceId, id);
    const checked = await this.check(workspaceId, body);
    if (checked.name !== existing.name) {
      throw new WeirError('VALIDATION_FAILED', `a catalog table keeps its name: the DDL must create '${existing.name}', not '${checked.name}'`, { details: { issues: [{ path: 'ddl', message: `must create '${existing.name}'` }] } });
    }
    const row = await this.db.catalogTable.update({ where: { id }, data: this.data(body, checked), include: { connection: true } });
    const usedBy = await this.usedBy(workspaceId, existing.name);
    const replacement = this.pinOf(row);
    const breaks: CatalogTableSaved['breaks'] = [];
    for (const use of usedBy) {
      const deployment = await this.db.deployment.findUniqueOrThrow({ where: { id: use.deploymentId }, include: { jobVersion: true } });
      const pins = (deployment.catalogTables as PinnedCatalogTable[]).map((pin) => (pin.name === existing.name && pin.catalog === DEFAULT_CATALOG ? replacement : pin));
      const diagnostics = diagnose(deployment.jobVersion.sql, versionFunctions(deployment.jobVersion.config), { catalog: catalogOfTables(pins), functions: PinnedFunctions.parse(deployment.catalogFunctions) }).filter((d) => d.severity === 'error');
      if (diagnostics.length > 0) breaks.push({ ...use, diagnostics });
    }
    return { table: view(row), usedBy, breaks };
  }

  /** Deletes a table; one that running or suspended deployments use needs `force` (they keep their pinned copy). */
  async remove(workspaceId: string, id: string, force: boolean): Promise<void> {
    const row = await this.row(workspaceId, id);
    const usedBy = await this.usedBy(workspaceId, row.name);
    if (usedBy.length > 0 && !force) {
      throw new WeirError('CONFLICT', `catalog table '${row.name}' is used by ${usedBy.map((u) => `job '${u.jobName}'`).join(', ')}; their deployments keep running with the definition they were deployed with, and a redeploy would fail. Delete with force=true to go ahead`, { details: { usedBy } });
    }
    await this.db.catalogTable.delete({ where: { id } });
  }

  /**
   * The catalog a validation or deploy in the workspace resolves names against: the registered
   * tables, and the tables of each SQL database connection `sql` names as a catalog.
   */
  async workspaceCatalog(workspaceId: string, sql = ''): Promise<WorkspaceCatalog> {
    const rows = await this.db.catalogTable.findMany({ where: { workspaceId }, include: { connection: true } });
    const pins = [...rows.map((row) => this.pinOf(row)), ...(await this.jdbc.tablesFor(workspaceId, sql))];
    const all = catalogOfTables(pins);
    const used = new Map<string, PinnedCatalogTable>();
    const catalog: ExternalCatalog = {
      catalogs: () => all.catalogs(),
      databases: (c) => all.databases(c),
      tables: (c, d) => all.tables(c, d),
      table: (path) => {
        const found = all.table(path);
        if (found) used.set(`${path.catalog}.${path.database}.${path.name}`, { ...path, ddl: found.ddl, options: found.options ?? {} });
        return found;
      },
    };
    return { catalog, used: () => [...used.values()], functions: await this.pinnedFunctions(workspaceId) };
  }

  async listFunctions(workspaceId: string): Promise<CatalogFunction[]> {
    return (await this.db.catalogFunction.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } })).map(functionView);
  }

  /** Registers a workspace function; its source must parse, and its name and class name be free. */
  async createFunction(workspaceId: string, body: CatalogFunctionRequest): Promise<CatalogFunction> {
    const source = { identifier: body.className ?? body.name, language: body.language, source: body.source, resultType: body.resultType, ...(body.argumentTypes ? { argumentTypes: body.argumentTypes } : {}) };
    try {
      assertFunctionsParse([source]);
    } catch (error) {
      if (error instanceof WeirError) throw new WeirError('VALIDATION_FAILED', error.message, { details: { issues: [{ path: 'source', message: error.message }] } });
      throw error;
    }
    const taken = await this.db.catalogFunction.findFirst({ where: { workspaceId, OR: [{ name: body.name }, ...(body.className ? [{ className: body.className }] : [])] } });
    if (taken) {
      const field = taken.name === body.name ? 'name' : 'className';
      throw new WeirError('CONFLICT', `a function with this ${field} is registered already ('${taken.name}')`, { details: { issues: [{ path: field, message: 'already registered' }] } });
    }
    const row = await this.db.catalogFunction.create({ data: { workspaceId, name: body.name, className: body.className, language: body.language, source: body.source, resultType: body.resultType, argumentTypes: body.argumentTypes ?? Prisma.JsonNull, description: body.description } });
    return functionView(row);
  }

  async removeFunction(workspaceId: string, id: string): Promise<void> {
    const { count } = await this.db.catalogFunction.deleteMany({ where: { id, workspaceId } });
    if (count === 0) throw new WeirError('NOT_FOUND', `function '${id}' not found`, { details: { id } });
  }

  private async pinnedFunctions(workspaceId: string): Promise<PinnedFunctions> {
    const rows = await this.db.catalogFunction.findMany({ where: { workspaceId } });
    return {
      sources: rows.map((r) => ({ identifier: r.className ?? r.name, language: 'javascript' as const, source: r.source, resultType: r.resultType, ...(Array.isArray(r.argumentTypes) ? { argumentTypes: r.argumentTypes as string[] } : {}) })),
      names: Object.fromEntries(rows.map((r) => [r.name, r.className ?? r.name])),
    };
  }

  /** Running or suspended deployments whose pinned tables include `name`. */
  async usedBy(workspaceId: string, name: string): Promise<CatalogTableUse[]> {
    const deployments = await this.db.deployment.findMany({
      where: { job: { workspaceId }, desiredState: { in: ['RUNNING', 'SUSPENDED'] } },
      select: { id: true, state: true, catalogTables: true, job: { select: { id: true, name: true } } },
    });
    return deployments
      .filter((d) => (d.catalogTables as PinnedCatalogTable[]).some((pin) => pin.name === name && pin.catalog === DEFAULT_CATALOG))
      .map((d) => ({ jobId: d.job.id, jobName: d.job.name, deploymentId: d.id, status: d.state }));
  }

  private async row(workspaceId: string, id: string): Promise<Row> {
    const row = await this.db.catalogTable.findFirst({ where: { id, workspaceId }, include: { connection: true } });
    if (!row) throw new WeirError('NOT_FOUND', `catalog table '${id}' not found`, { details: { id } });
    return row;
  }

  private pinOf(row: Row): PinnedCatalogTable {
    const options = row.connection ? this.connections.tableOptions(row.connection, row.connector) : {};
    return { catalog: DEFAULT_CATALOG, database: DEFAULT_DATABASE, name: row.name, ddl: row.ddl, options };
  }

  /** Checks the DDL with the connection's options for each role; SQL_INVALID names each problem at its line. */
  private async check(workspaceId: string, body: CatalogTableRequest): Promise<{ name: string; connector: string; columns: { name: string; type: string }[] }> {
    const connection = body.connectionId ? await this.connections.row(workspaceId, body.connectionId).catch(() => {
      throw new WeirError('VALIDATION_FAILED', `connection '${body.connectionId}' not found`, { details: { issues: [{ path: 'connectionId', message: 'no such connection in this workspace' }] } });
    }) : undefined;
    const roles = [...new Set(body.roles)].map((role) => ENGINE_ROLE[role]);
    const first = checkTableDefinition(body.ddl, { connectors, roles: [] });
    if (connection && first.connector) {
      const allowed = connectionSpec(connection.type as ConnectionType).connectors;
      if (!allowed.includes(first.connector)) {
        throw new WeirError('VALIDATION_FAILED', `a ${connection.type} connection serves ${allowed.map((c) => `'${c}'`).join(', ')} tables, not '${first.connector}'`, { details: { issues: [{ path: 'connectionId', message: `takes ${allowed.join(', ')} tables` }] } });
      }
    }
    const options = connection && first.connector ? this.connections.tableOptions(connection, first.connector) : {};
    const checked = checkTableDefinition(body.ddl, { connectors, roles, options });
    const errors: SqlDiagnostic[] = checked.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d }));
    if (errors.length > 0 || !checked.name || !checked.connector) {
      const firstError = errors[0];
      throw new WeirError('SQL_INVALID', `the table's DDL is invalid${firstError ? ` (line ${firstError.line}, column ${firstError.column}: ${firstError.message})` : ''}`, { details: { diagnostics: errors } });
    }
    return { name: checked.name, connector: checked.connector, columns: checked.columns };
  }

  private data(body: CatalogTableRequest, checked: { name: string; connector: string; columns: { name: string; type: string }[] }) {
    return {
      name: checked.name,
      ddl: body.ddl,
      connector: checked.connector,
      connectionId: body.connectionId,
      object: body.object,
      roles: [...new Set(body.roles)].map((role: CatalogTableRole) => DB_ROLE[role]),
      columns: checked.columns,
      description: body.description,
    };
  }
}

function view(row: Row): CatalogTable {
  return {
    id: row.id,
    name: row.name,
    ddl: row.ddl,
    connector: row.connector,
    connectionId: row.connectionId,
    connectionName: row.connection?.name ?? null,
    object: row.object,
    roles: row.roles.map((role) => role.toLowerCase() as CatalogTableRole),
    description: row.description,
    columns: row.columns as { name: string; type: string }[],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function functionView(row: CatalogFunctionRow): CatalogFunction {
  return {
    id: row.id,
    name: row.name,
    className: row.className,
    language: 'javascript',
    source: row.source,
    resultType: row.resultType,
    ...(Array.isArray(row.argumentTypes) ? { argumentTypes: row.argumentTypes as string[] } : {}),
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
