import type { LogicalPlanBuilder } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr, Query, SelectItem, TableRef } from './ast';
import type { Catalog, CatalogTable } from './catalog';
import { DiagnosticSink } from './diagnostic';
import { BindAbort, ExpressionBinder } from './expression-binder';
import { Scope } from './scope';
import type { Span } from './span';
import { didYouMean } from './suggest';

/** A bound relational input: the plan node producing it and its columns. */
export interface BoundRelation {
  nodeId: string;
  fields: PlanField[];
}

/** Binds queries into logical plan nodes; reports what it cannot plan yet as `NOT_SUPPORTED`. */
export class QueryBinder {
  constructor(
    private readonly catalog: Catalog,
    private readonly builder: LogicalPlanBuilder,
    private readonly diagnostics: DiagnosticSink,
    private readonly userFunctions: ReadonlySet<string>,
  ) {}

  /** Binds a query; undefined when it had errors (already reported). */
  bindQuery(query: Query): BoundRelation | undefined {
    try {
      return this.query(query);
    } catch (error) {
      if (error instanceof BindAbort) return undefined;
      throw error;
    }
  }

  private query(query: Query): BoundRelation {
    switch (query.kind) {
      case 'select':
        break;
      case 'setOp':
        return this.unsupported(`${query.op}${query.all ? ' ALL' : ''} is not supported yet`, query.span);
      case 'values':
        return this.unsupported('VALUES is not supported yet', query.span);
      case 'with':
        return this.unsupported('WITH is not supported yet', query.span);
      case 'ordered':
        return this.unsupported('ORDER BY and LIMIT are not supported yet', query.span);
    }
    if (!query.from) return this.unsupported('SELECT without FROM is not supported yet', query.span);
    const [input, qualifier] = this.tableRef(query.from);
    if (query.groupBy.length > 0) return this.unsupported('GROUP BY is not supported yet', spanOfList(query.groupBy));
    if (query.having) return this.unsupported('HAVING is not supported yet', query.having.span);
    if (query.distinct) return this.unsupported('SELECT DISTINCT is not supported yet', query.span);
    const scope = new Scope(input.fields.map((f) => ({ qualifier, name: f.name, type: f.type })));
    const binder = new ExpressionBinder(scope, this.diagnostics, this.userFunctions);
    let failed = false;
    let filter: PlanExpr | null = null;
    if (query.where) {
      try {
        filter = binder.bind(query.where);
        if (filter.type.kind !== 'BOOLEAN' && filter.type.kind !== 'NULL') {
          this.diagnostics.error('TYPE_MISMATCH', `WHERE expects a BOOLEAN condition, got ${filter.type.kind}`, query.where.span);
          failed = true;
        }
      } catch (error) {
        if (!(error instanceof BindAbort)) throw error;
        failed = true;
      }
    }
    const projection: PlanExpr[] = [];
    const fields: PlanField[] = [];
    for (const item of query.items) {
      try {
        this.selectItem(item, binder, qualifier, input.fields, projection, fields);
      } catch (error) {
        if (!(error instanceof BindAbort)) throw error;
        failed = true;
      }
    }
    if (failed) throw new BindAbort();
    const nodeId = this.builder.add('calc', { projection, filter, fields }, [input.nodeId]);
    return { nodeId, fields };
  }

  private selectItem(item: SelectItem, binder: ExpressionBinder, qualifier: string, inputFields: PlanField[], projection: PlanExpr[], fields: PlanField[]): void {
    if (item.kind === 'star') {
      if (item.qualifier.length > 0 && item.qualifier[item.qualifier.length - 1].name !== qualifier) {
        const name = item.qualifier[item.qualifier.length - 1];
        this.diagnostics.error('TABLE_NOT_FOUND', `table '${name.name}' not found in FROM${didYouMean(name.name, [qualifier])}`, name.span);
        throw new BindAbort();
      }
      inputFields.forEach((field, index) => {
        projection.push({ kind: 'input', index, type: field.type });
        fields.push(field);
      });
      return;
    }
    const expr = binder.bind(item.expr);
    projection.push(expr);
    fields.push({ name: item.alias?.name ?? implicitName(item.expr, fields.length), type: expr.type });
  }

  private tableRef(ref: TableRef): [BoundRelation, string] {
    switch (ref.kind) {
      case 'table': {
        if (ref.forSystemTimeAsOf) return this.unsupported('FOR SYSTEM_TIME AS OF (lookup and temporal joins) is not supported yet', ref.forSystemTimeAsOf.span);
        const name = ref.name[ref.name.length - 1];
        const entry = this.catalog.get(name.name);
        const qualifier = ref.alias?.name ?? name.name;
        if (!entry) {
          this.diagnostics.error('TABLE_NOT_FOUND', `table '${name.name}' not found${didYouMean(name.name, this.catalog.names())}`, name.span);
          throw new BindAbort();
        }
        if (entry.kind === 'table') {
          if (!entry.valid) throw new BindAbort();
          return [this.source(entry), qualifier];
        }
        if (!entry.columns) throw new BindAbort();
        // Errors inside a view were reported at CREATE VIEW; expanding it again stays silent.
        const relation = new QueryBinder(this.catalog, this.builder, this.diagnosticsForView(), this.userFunctions).bindQuery(entry.query);
        if (!relation) throw new BindAbort();
        return [relation, qualifier];
      }
      case 'derived': {
        const relation = this.query(ref.query);
        return [relation, ref.alias?.name ?? ''];
      }
      case 'tableFunction':
        return this.unsupported('window table functions (TUMBLE, HOP, CUMULATE, SESSION) are not supported yet', ref.span);
      case 'join':
        return this.unsupported(`${ref.joinType === 'COMMA' ? 'joins (comma-separated tables)' : `${ref.joinType} JOIN`} ${ref.joinType === 'COMMA' ? 'are' : 'is'} not supported yet`, ref.span);
    }
  }

  /** A table scan: the connector's columns, then a calc adding computed columns when there are any. */
  source(table: CatalogTable): BoundRelation {
    const produced = table.columns.filter((c) => c.kind !== 'computed');
    const fields = produced.map((c) => ({ name: c.name, type: c.type }));
    const sourceId = this.builder.add('table_source', {
      table: table.name,
      connector: table.options.connector,
      options: table.options,
      fields,
      metadataKeys: produced.map((c) => (c.kind === 'metadata' ? (c.metadataKey ?? c.name) : null)),
    }, []);
    if (!table.columns.some((c) => c.kind === 'computed')) return { nodeId: sourceId, fields };
    const scope = new Scope(fields.map((f) => ({ qualifier: table.name, name: f.name, type: f.type })));
    const binder = new ExpressionBinder(scope, this.diagnosticsForView(), this.userFunctions);
    const projection: PlanExpr[] = [];
    const outFields: PlanField[] = [];
    for (const column of table.columns) {
      const expr: PlanExpr = column.kind === 'computed'
        ? binder.bind(column.expr as Expr)
        : { kind: 'input', index: produced.indexOf(column), type: column.type };
      projection.push(expr);
      outFields.push({ name: column.name, type: expr.type });
    }
    const nodeId = this.builder.add('calc', { projection, filter: null, fields: outFields }, [sourceId]);
    return { nodeId, fields: outFields };
  }

  // Problems inside views and computed columns were reported where they were declared.
  private diagnosticsForView(): DiagnosticSink {
    return new DiagnosticSink();
  }

  private unsupported(message: string, span: Span): never {
    this.diagnostics.error('NOT_SUPPORTED', message, span);
    throw new BindAbort();
  }
}

/** Flink's name for an unaliased select item: the column or field name, else EXPR$n. */
function implicitName(expr: Expr, index: number): string {
  if (expr.kind === 'identifier') return expr.parts[expr.parts.length - 1].name;
  if (expr.kind === 'fieldAccess') return expr.field.name;
  return `EXPR$${index}`;
}

function spanOfList(exprs: Expr[]): Span {
  const first = exprs[0].span;
  const last = exprs[exprs.length - 1].span;
  return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
}
