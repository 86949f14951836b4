import { PinnedFunctions, type Lineage, type LineageEdge, type LineageJob, type LineageTable, type PinnedCatalogTable } from '@weir/contracts';
import { tableIdentity } from '@weir/connectors';
import { catalogOfTables, type PhysicalPlanJson } from '@weir/engine';
import type { PrismaClient } from '@weir/db';
import type { CatalogService } from './catalog-service';
import { versionFunctions } from './job-functions';
import { compileForDeploy } from './sql-validation';

/** Sinks that only print a SELECT's result in a debug or CLI run; they write nothing anyone reads. */
const COLLECT = 'collect';

/**
 * Table → job → table across the workspace, read from each job's plan: the deployed version with
 * the catalog tables it was pinned to when it runs, else the latest version against today's catalog.
 */
export class LineageService {
  constructor(
    private readonly db: PrismaClient,
    private readonly catalog: CatalogService,
  ) {}

  async lineage(workspaceId: string): Promise<Lineage> {
    const jobs = await this.db.job.findMany({
      where: { workspaceId },
      orderBy: { name: 'asc' },
      include: {
        versions: { orderBy: { version: 'desc' }, take: 1 },
        deployments: { where: { desiredState: { in: ['RUNNING', 'SUSPENDED'] } }, orderBy: { createdAt: 'desc' }, take: 1, include: { jobVersion: true } },
      },
    });
    const catalogRows = new Map((await this.db.catalogTable.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
    const tables = new Map<string, LineageTable>();
    const edges: LineageEdge[] = [];
    const lineageJobs: LineageJob[] = [];
    for (const job of jobs) {
      const deployment = job.deployments[0];
      const version = deployment?.jobVersion ?? job.versions[0];
      if (!version) continue;
      const entry: LineageJob = { id: job.id, name: job.name, version: version.version, status: deployment?.state ?? null };
      lineageJobs.push(entry);
      const pinned = deployment ? (deployment.catalogTables as PinnedCatalogTable[]) : undefined;
      const workspace = pinned ? undefined : await this.catalog.workspaceCatalog(workspaceId, version.sql);
      let plan: PhysicalPlanJson;
      try {
        const env = deployment ? { catalog: catalogOfTables(pinned ?? []), functions: PinnedFunctions.parse(deployment.catalogFunctions) } : { catalog: workspace?.catalog, functions: workspace?.functions };
        plan = compileForDeploy(version.sql, versionFunctions(version.config), env).plan;
      } catch (error) {
        entry.problem = error instanceof Error ? error.message : String(error);
        continue;
      }
      const fromCatalog = new Set((pinned ?? workspace?.used() ?? []).map((t) => t.name));
      for (const operator of plan.vertices.flatMap((v) => v.operators)) {
        const use = tableUse(operator);
        if (!use || (use.kind === 'write' && use.table === COLLECT && use.connector === 'print')) continue;
        const identity = tableIdentity(use.connector, use.options);
        const id = identity?.key ?? `${job.id}|${use.table}`;
        const catalogTableId = fromCatalog.has(use.table) ? (catalogRows.get(use.table) ?? null) : null;
        const known = tables.get(id);
        if (!known || (catalogTableId && !known.catalogTableId)) {
          tables.set(id, { id, name: use.table, connector: use.connector, object: identity?.object ?? `${use.connector} table of job '${job.name}'`, catalogTableId: catalogTableId ?? known?.catalogTableId ?? null });
        }
        const existing = edges.find((e) => e.table === id && e.job === job.id && e.kind === use.kind);
        if (existing) existing.columns = [...new Set([...existing.columns, ...use.columns])];
        else edges.push({ table: id, job: job.id, kind: use.kind, columns: use.columns });
      }
    }
    return { tables: [...tables.values()].sort((a, b) => a.name.localeCompare(b.name)), jobs: lineageJobs, edges };
  }
}

type Operator = PhysicalPlanJson['vertices'][number]['operators'][number];

/** The table an operator reads, looks up or writes, with the columns it touches. */
function tableUse(operator: Operator): { kind: LineageEdge['kind']; table: string; connector: string; options: Record<string, string>; columns: string[] } | undefined {
  switch (operator.kind) {
    case 'table_source': {
      const c = operator.config as { table: string; connector: string; options: Record<string, string>; fields: { name: string }[] };
      return { kind: 'read', table: c.table, connector: c.connector, options: c.options, columns: c.fields.map((f) => f.name) };
    }
    case 'lookup_join': {
      const c = operator.config as { table: string; connector: string; options: Record<string, string>; dimFields: { name: string }[] };
      return { kind: 'lookup', table: c.table, connector: c.connector, options: c.options, columns: c.dimFields.map((f) => f.name) };
    }
    case 'table_sink': {
      const c = operator.config as { table: string; connector: string; options: Record<string, string>; fields: { name: string }[] };
      return { kind: 'write', table: c.table, connector: c.connector, options: c.options, columns: c.fields.map((f) => f.name) };
    }
    default:
      return undefined;
  }
}
