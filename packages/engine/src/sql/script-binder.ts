import type { ConnectorRegistry } from '../connectors/connector-registry';
import { problemSpan, tableRoleProblems } from './table-roles';
import type { TableRole } from '../connectors/connector';
import { UserFunctionCatalog } from '../functions/udf/user-function-catalog';
import { describeNode, inferChangelogModes } from '../plan/changelog-mode';
import { LogicalPlanBuilder, PLAN_VERSION, type LogicalPlan } from '../plan/logical-plan';
import { mergeCalcs, removeIdentityCalcs } from '../plan/optimize';
import { pushFiltersIntoJoins } from '../plan/join-filter-push-down';
import { pruneJoinInputs } from '../plan/join-column-pruning';
import { pushDownIntoSources } from '../plan/push-down';
import { reuseCommonNodes } from '../plan/reuse';
import { splitTwoPhaseAggregates } from '../plan/two-phase-aggregate';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { InsertStatement, Query, Script, Statement } from './ast';
import { Catalog, DEFAULT_DATABASE, persistedColumns, type CatalogTable } from './catalog';
import { ExternalTables, type ExternalCatalog } from './external-catalog';
import { canAssign, formatType } from './data-type';
import type { DiagnosticSink } from './diagnostic';
import { sessionOptionProblem } from './session-options';
import { cast } from './expression-binder';
import { QueryBinder } from './query-binder';
import type { Span } from './span';
import { didYouMean } from './suggest';
import { defineTable } from './table-definition';

export interface BoundScript {
  plan: LogicalPlan;
  /** Number of INSERT statements that produced a sink. */
  sinkCount: number;
  insertCount: number;
}

/** Validates statements in order against a growing catalog and builds one logical plan for all INSERTs. */
export class ScriptBinder {
  private readonly catalog: Catalog;
  private readonly builder = new LogicalPlanBuilder();
  private readonly checkedTables = new Set<string>();
  /** Where each sink node's INSERT (or SELECT) was written, for changelog errors. */
  private readonly sinkSpans = new Map<string, { table: string; span: Span }>();
  private insertCount = 0;
  private sinkCount = 0;

  constructor(
    private readonly diagnostics: DiagnosticSink,
    private readonly connectors: ConnectorRegistry,
    private readonly config: Record<string, string>,
    private readonly userFunctions: UserFunctionCatalog = new UserFunctionCatalog(),
    external?: ExternalCatalog,
  ) {
    this.catalog = new Catalog(external ? new ExternalTables(external, diagnostics, () => connectors.names()) : undefined);
  }

  /** Binds every statement, continuing after errors so all problems are reported at once. */
  bind(script: Script): BoundScript {
    for (const statement of script.statements) this.statement(statement, this.builder);
    const bound: LogicalPlan = { planVersion: PLAN_VERSION, nodes: this.builder.nodes, config: { ...this.config } };
    return { plan: this.optimize(bound), sinkCount: this.sinkCount, insertCount: this.insertCount };
  }

  /** Rewrites the bound plan (calc merge, push-down) and checks that every sink can take its changes. */
  private optimize(bound: LogicalPlan): LogicalPlan {
    // Pruning join inputs adds calcs below joins; merging them into the calcs below lets sources see the projection.
    const joined = mergeCalcs(pruneJoinInputs(pushFiltersIntoJoins(mergeCalcs(bound))));
    const pushed = reuseCommonNodes(removeIdentityCalcs(pushDownIntoSources(joined, (name) => this.connectors.get(name))));
    const { plan, violations } = inferChangelogModes(
      pushed,
      (sink) => this.connectors.get(sink.config.connector)?.sinkChangelogMode ?? 'insert-only',
      ({ config }) => (this.connectors.get(config.connector)?.sourceChangelogMode?.({ table: config.table, options: config.options, fields: config.fields }) === 'all' ? 'updates' : 'insert-only'),
    );
    for (const violation of violations) {
      const sink = this.sinkSpans.get(violation.sinkId);
      if (sink) {
        this.diagnostics.error('UPDATES_NOT_SUPPORTED', `Table sink '${sink.table}' doesn't support consuming update changes which is produced by node ${describeNode(violation.producer)}`, sink.span);
        continue;
      }
      // An operator that takes inserts only (a window aggregate, an interval join): reported at the statement it feeds.
      const consumer = plan.nodes.find((n) => n.id === violation.sinkId);
      const statement = consumer && this.sinkSpans.get(downstreamSinkOf(plan, consumer.id) ?? '');
      if (consumer && statement) this.diagnostics.error('UPDATES_NOT_SUPPORTED', `${describeNode(consumer)} doesn't support consuming update changes which is produced by node ${describeNode(violation.producer)}`, statement.span);
    }
    return splitTwoPhaseAggregates(plan);
  }

  private statement(statement: Statement, builder: LogicalPlanBuilder): void {
    switch (statement.kind) {
      case 'createTable':
        defineTable(statement, this.catalog, this.diagnostics, this.connectors.names());
        return;
      case 'createView': {
        const name = statement.name[statement.name.length - 1];
        if (this.catalog.has(name.name)) {
          if (!statement.ifNotExists) this.diagnostics.error('TABLE_EXISTS', `table or view '${name.name}' already exists`, name.span);
          return;
        }
        const relation = this.queryBinder(new LogicalPlanBuilder()).bindQuery(statement.query);
        let columns = relation?.fields;
        if (columns && statement.columns) {
          if (statement.columns.length !== columns.length) {
            this.diagnostics.error('COLUMN_COUNT_MISMATCH', `view '${name.name}' names ${statement.columns.length} columns but its query returns ${columns.length}`, name.span);
            columns = undefined;
          } else {
            columns = columns.map((c, i) => ({ name: (statement.columns ?? [])[i].name, type: c.type }));
          }
        }
        this.catalog.register({ kind: 'view', name: name.name, query: statement.query, columns });
        return;
      }
      case 'createFunction':
        this.userFunctions.define(statement, this.diagnostics);
        return;
      case 'set': {
        if (statement.key === undefined || statement.value === undefined) return;
        const problem = sessionOptionProblem(statement.key, statement.value);
        if (problem) this.diagnostics.error('CONFIG_INVALID', problem, statement.span);
        else this.config[statement.key] = statement.value;
        return;
      }
      case 'reset':
        if (statement.key === undefined) for (const key of Object.keys(this.config)) delete this.config[key];
        else delete this.config[statement.key];
        return;
      case 'insert':
        this.insert(statement, builder);
        return;
      case 'statementSet':
        for (const insert of statement.inserts) this.insert(insert, builder);
        return;
      case 'explain':
        // Validated like the statement it explains; its plan is not part of the job.
        this.statement(statement.statement, new LogicalPlanBuilder());
        return;
      case 'query':
        this.collect(statement.query, builder);
        return;
      case 'useCatalog':
        if (!this.catalog.catalogs().includes(statement.name.name)) {
          this.diagnostics.error('CATALOG_NOT_FOUND', `catalog '${statement.name.name}' does not exist${didYouMean(statement.name.name, this.catalog.catalogs())}`, statement.name.span);
          return;
        }
        this.catalog.currentCatalog = statement.name.name;
        this.catalog.currentDatabase = this.catalog.databases(statement.name.name)[0] ?? DEFAULT_DATABASE;
        return;
      case 'use': {
        const [catalog, database] = statement.name.length > 1 ? [statement.name[0].name, statement.name[1]] : [this.catalog.currentCatalog, statement.name[0]];
        const known = this.catalog.databases(catalog);
        if (!known.includes(database.name)) {
          this.diagnostics.error('DATABASE_NOT_FOUND', `database '${database.name}' does not exist in catalog '${catalog}'${didYouMean(database.name, known)}`, database.span);
          return;
        }
        this.catalog.currentCatalog = catalog;
        this.catalog.currentDatabase = database.name;
        return;
      }
      case 'show':
        return;
      case 'describe': {
        const name = statement.name[statement.name.length - 1];
        if (!this.catalog.lookup(statement.name)) this.diagnostics.error('TABLE_NOT_FOUND', `table '${name.name}' not found${didYouMean(name.name, this.catalog.names())}`, name.span);
        return;
      }
    }
  }

  private queryBinder(builder: LogicalPlanBuilder): QueryBinder {
    return new QueryBinder(this.catalog, builder, this.diagnostics, this.userFunctions);
  }

  private insert(statement: InsertStatement, builder: LogicalPlanBuilder): void {
    this.insertCount++;
    const name = statement.table[statement.table.length - 1];
    const entry = this.catalog.lookup(statement.table);
    let sink: CatalogTable | undefined;
    if (!entry) this.diagnostics.error('TABLE_NOT_FOUND', `table '${name.name}' not found${didYouMean(name.name, this.catalog.names())}`, name.span);
    else if (entry.kind === 'view') this.diagnostics.error('INVALID_SINK', `cannot INSERT INTO view '${name.name}'; views are read-only`, name.span);
    else if (entry.valid) sink = entry;
    const firstNode = builder.nodes.length;
    const relation = this.queryBinder(builder).bindQuery(statement.query);
    this.checkSources(builder, firstNode, statement.span);
    if (!sink || !relation) return;
    const sinkColumns = persistedColumns(sink);
    let targets = sinkColumns;
    if (statement.columns) {
      targets = [];
      for (const column of statement.columns) {
        const found = sinkColumns.find((c) => c.name === column.name);
        if (!found) {
          this.diagnostics.error('COLUMN_NOT_FOUND', `column '${column.name}' not found in table '${sink.name}'${didYouMean(column.name, sinkColumns.map((c) => c.name))}`, column.span);
          return;
        }
        targets.push(found);
      }
    }
    if (targets.length !== relation.fields.length) {
      this.diagnostics.error('COLUMN_COUNT_MISMATCH', `INSERT INTO '${sink.name}' expects ${targets.length} column${targets.length === 1 ? '' : 's'} (${targets.map((c) => c.name).join(', ')}) but the query returns ${relation.fields.length}`, querySpan(statement));
      return;
    }
    let typesOk = true;
    targets.forEach((target, i) => {
      const produced = relation.fields[i];
      if (!canAssign(produced.type, target.type)) {
        this.diagnostics.error('TYPE_MISMATCH', `cannot write ${formatType(produced.type)} (query column ${i + 1} '${produced.name}') into column '${target.name}' of type ${formatType(target.type)}; add a CAST`, selectItemSpan(statement, i));
        typesOk = false;
      }
    });
    if (!typesOk || !this.checkTable(sink, 'sink', name.span)) return;
    const fields: PlanField[] = sinkColumns.map((c) => ({ name: c.name, type: c.type }));
    const projection: PlanExpr[] = sinkColumns.map((column) => {
      const index = targets.indexOf(column);
      if (index < 0) return { kind: 'literal', value: null, type: column.type };
      const input: PlanExpr = { kind: 'input', index, type: relation.fields[index].type };
      return cast(input, column.type);
    });
    const identity = projection.every((p, i) => p.kind === 'input' && p.index === i) && projection.length === relation.fields.length;
    const input = identity ? relation.nodeId : builder.add('calc', { projection, filter: null, fields }, [relation.nodeId]);
    const partitionKeys = sink.partitionKeys?.length ? { partitionKeys: sink.partitionKeys } : {};
    const primaryKey = sink.primaryKey.length ? { primaryKey: sink.primaryKey } : {};
    const sinkId = builder.add('table_sink', { table: sink.name, connector: sink.options.connector, options: sink.options, fields, ...partitionKeys, ...primaryKey }, [input]);
    if (builder === this.builder) this.sinkSpans.set(sinkId, { table: sink.name, span: statement.span });
    this.sinkCount++;
  }

  /** A SELECT on its own prints its changelog to stdout, like Flink's SQL client in changelog mode. */
  private collect(query: Query, builder: LogicalPlanBuilder): void {
    const firstNode = builder.nodes.length;
    const relation = this.queryBinder(builder).bindQuery(query);
    this.checkSources(builder, firstNode, query.span);
    if (!relation) return;
    const fields = relation.fields.map((f) => ({ name: f.name, type: f.type }));
    const sinkId = builder.add('table_sink', { table: 'collect', connector: 'print', options: { connector: 'print' }, fields }, [relation.nodeId]);
    if (builder === this.builder) this.sinkSpans.set(sinkId, { table: 'collect', span: query.span });
    this.sinkCount++;
  }

  private checkSources(builder: LogicalPlanBuilder, fromIndex: number, span: Span): void {
    for (const node of builder.nodes.slice(fromIndex)) {
      if (node.kind !== 'table_source' && node.kind !== 'lookup_join') continue;
      const table = this.catalog.get(node.config.table);
      if (table?.kind === 'table') this.checkTable(table, node.kind === 'lookup_join' ? 'lookup' : 'source', span);
    }
  }

  /** Checks a table's options for a role once, reporting at the offending option. */
  private checkTable(table: CatalogTable, role: TableRole, span: Span): boolean {
    const connector = this.connectors.get(table.options.connector);
    if (!connector) return false;
    const key = `${role}:${table.name}`;
    const problems = tableRoleProblems(connector, table, role);
    if (!this.checkedTables.has(key)) {
      this.checkedTables.add(key);
      for (const problem of problems) this.diagnostics.error(problem.code, `table '${table.name}': ${problem.message}`, problemSpan(table, problem) ?? span);
    }
    return problems.length === 0;
  }
}

function querySpan(statement: InsertStatement): Span {
  return statement.query.span;
}

function selectItemSpan(statement: InsertStatement, index: number): Span {
  const query = statement.query;
  if (query.kind === 'select' && query.items.every((item) => item.kind === 'expr')) return query.items[index]?.span ?? query.span;
  return query.span;
}

/** The first sink that (through any chain of nodes) consumes node `id`. */
function downstreamSinkOf(plan: LogicalPlan, id: string): string | undefined {
  for (const node of plan.nodes) {
    if (!node.inputs.includes(id)) continue;
    const sink = node.kind === 'table_sink' ? node.id : downstreamSinkOf(plan, node.id);
    if (sink) return sink;
  }
  return undefined;
}
