import type { LogicalPlanBuilder } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr, Query, Select, SelectItem, TableRef } from './ast';
import type { Catalog, CatalogTable } from './catalog';
import { DiagnosticSink } from './diagnostic';
import { BindAbort, ExpressionBinder } from './expression-binder';
import type { Span } from './span';
import { didYouMean } from './suggest';
import { bindSourceTable } from './source-binder';
import { bindValues } from './values-binder';
import { bindSetOperation } from './set-operation-binder';
import { bindJoin } from './join-binder';
import { bindSubqueryPredicates } from './subquery-binder';
import { bindAggregateSelect, distinctRelation, isAggregateSelect } from './aggregate-binder';
import { bindWindowTableFunction, materializeWindows } from './window-binder';
import { bindRankedFrom } from './rank-binder';
import { bindOverSelect, isOverSelect } from './over-binder';
import { resolveNamedWindows } from './over-window';
import { implicitName, isProctimeCall, proctimeAttribute, scopeOf, type BoundRelation, type FromItem } from './bound-relation';

/** Binds queries into logical plan nodes; reports what it cannot plan yet as `NOT_SUPPORTED`. */
export class QueryBinder {
  /** Common table expressions visible to the query being bound, innermost last. */
  private readonly ctes: Map<string, Query>[] = [];

  constructor(
    readonly catalog: Catalog,
    readonly builder: LogicalPlanBuilder,
    readonly diagnostics: DiagnosticSink,
    readonly userFunctions: ReadonlySet<string>,
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

  /** Binds a query or throws BindAbort after reporting. */
  query(query: Query): BoundRelation {
    switch (query.kind) {
      case 'select':
        return this.select(query);
      case 'setOp':
        return bindSetOperation(this, query);
      case 'values':
        return bindValues(this, query);
      case 'with': {
        const scope = new Map<string, Query>();
        this.ctes.push(scope);
        try {
          for (const cte of query.ctes) scope.set(cte.name.name, cte.query);
          return this.query(query.body);
        } finally {
          this.ctes.pop();
        }
      }
      case 'ordered':
        return this.unsupported('ORDER BY and LIMIT are not supported yet', query.span);
    }
  }

  private select(written: Select): BoundRelation {
    const statement = resolveNamedWindows(this, written);
    if (!statement.from) return this.unsupported('SELECT without FROM is not supported yet', statement.span);
    // A Top-N subquery in FROM becomes a rank node, and its rank filter leaves the WHERE.
    const ranked = bindRankedFrom(this, statement);
    // IN / EXISTS subqueries in WHERE become semi and anti joins of the FROM item.
    const { query, from } = bindSubqueryPredicates(this, ranked?.query ?? statement, ranked?.from ?? this.tableRef(statement.from));
    if (isOverSelect(query)) {
      const relation = bindOverSelect(this, query, from);
      return query.distinct ? distinctRelation(this, relation) : relation;
    }
    if (isAggregateSelect(query)) return bindAggregateSelect(this, query, from);
    const relation = this.project(query, from);
    return query.distinct ? distinctRelation(this, relation) : relation;
  }

  /** The select list and WHERE of a non-aggregating SELECT as one calc. */
  private project(query: Select, fromItem: FromItem): BoundRelation {
    if (!query.from) return this.unsupported('SELECT without FROM is not supported yet', query.span);
    const window = fromItem.relation.window;
    const from = window ? { ...fromItem, relation: materializeWindows(this, window, query.from.span) } : fromItem;
    const binder = this.expressionBinder(from);
    let failed = false;
    let filter: PlanExpr | null = null;
    if (query.where) {
      try {
        filter = this.bindCondition(binder, query.where, 'WHERE');
      } catch (error) {
        if (!(error instanceof BindAbort)) throw error;
        failed = true;
      }
    }
    const projection: PlanExpr[] = [];
    const fields: PlanField[] = [];
    for (const item of query.items) {
      try {
        this.selectItem(item, binder, from, projection, fields);
      } catch (error) {
        if (!(error instanceof BindAbort)) throw error;
        failed = true;
      }
    }
    if (failed) throw new BindAbort();
    const nodeId = this.builder.add('calc', { projection, filter, fields }, [from.relation.nodeId]);
    return { nodeId, fields };
  }

  /** An expression binder over the columns of a FROM item. */
  expressionBinder(from: FromItem): ExpressionBinder {
    return new ExpressionBinder(scopeOf(from), this.diagnostics, this.userFunctions);
  }

  /** Binds a WHERE or HAVING condition, which must be BOOLEAN. */
  bindCondition(binder: ExpressionBinder, expr: Expr, clause: string): PlanExpr {
    const bound = binder.bind(expr);
    if (bound.type.kind !== 'BOOLEAN' && bound.type.kind !== 'NULL') {
      this.diagnostics.error('TYPE_MISMATCH', `${clause} expects a BOOLEAN condition, got ${bound.type.kind}`, expr.span);
      throw new BindAbort();
    }
    return bound;
  }

  /** Binds one select item into projection expressions and output fields (stars expand to every column). */
  selectItem(item: SelectItem, binder: ExpressionBinder, from: FromItem, projection: PlanExpr[], fields: PlanField[]): void {
    const inputFields = from.relation.fields;
    if (item.kind === 'star') {
      const qualifier = item.qualifier[item.qualifier.length - 1];
      const qualifierOf = (index: number): string => from.columnQualifiers?.[index] ?? from.qualifier;
      const selected = inputFields.map((_, index) => index).filter((index) => !qualifier || qualifierOf(index) === qualifier.name);
      if (qualifier && selected.length === 0) {
        const known = [...new Set(inputFields.map((_, index) => qualifierOf(index)))];
        this.diagnostics.error('TABLE_NOT_FOUND', `table '${qualifier.name}' not found in FROM${didYouMean(qualifier.name, known)}`, qualifier.span);
        throw new BindAbort();
      }
      for (const index of selected) {
        projection.push({ kind: 'input', index, type: inputFields[index].type });
        fields.push(inputFields[index]);
      }
      return;
    }
    const name = item.alias?.name ?? implicitName(item.expr, fields.length);
    if (isProctimeCall(item.expr)) {
      const attribute = proctimeAttribute(name);
      projection.push(attribute.expr);
      fields.push(attribute.field);
      return;
    }
    const expr = binder.bind(item.expr);
    projection.push(expr);
    const time = expr.kind === 'input' ? inputFields[expr.index].time : undefined;
    fields.push(time ? { name, type: expr.type, time } : { name, type: expr.type });
  }

  /** Binds a FROM clause item, renaming its columns when the alias lists new names (`AS t(a, b)`). */
  tableRef(ref: TableRef): FromItem {
    const item = this.tableRefItem(ref);
    const columns = ref.kind === 'join' ? undefined : ref.columns;
    if (!columns) return item;
    const fields = item.relation.fields;
    if (columns.length !== fields.length) {
      const names = fields.map((f) => `'${f.name}'`).join(', ');
      this.diagnostics.error('COLUMN_COUNT_MISMATCH', `List of column aliases must have same degree as table; table has ${fields.length} columns (${names}), whereas alias list has ${columns.length} columns`, ref.span);
      throw new BindAbort();
    }
    const renamedFields = fields.map((f, i) => ({ ...f, name: columns[i].name }));
    const relation = item.relation.window
      ? { ...item.relation, fields: renamedFields }
      : { nodeId: item.relation.nodeId, fields: renamedFields };
    return { ...item, relation };
  }

  private tableRefItem(ref: TableRef): FromItem {
    switch (ref.kind) {
      case 'table': {
        if (ref.forSystemTimeAsOf) return this.unsupported('FOR SYSTEM_TIME AS OF (lookup and temporal joins) is not supported yet', ref.forSystemTimeAsOf.span);
        const name = ref.name[ref.name.length - 1];
        const qualifier = ref.alias?.name ?? name.name;
        const cte = this.findCte(name.name);
        if (cte) return { relation: this.cteRelation(name.name, cte), qualifier };
        const entry = this.catalog.lookup(ref.name);
        if (!entry) {
          const names = [...this.ctes.flatMap((scope) => [...scope.keys()]), ...this.catalog.names()];
          this.diagnostics.error('TABLE_NOT_FOUND', `table '${name.name}' not found${didYouMean(name.name, names)}`, name.span);
          throw new BindAbort();
        }
        if (entry.kind === 'table') {
          if (!entry.valid) throw new BindAbort();
          return { relation: this.source(entry), qualifier };
        }
        if (!entry.columns) throw new BindAbort();
        // Errors inside a view were reported at CREATE VIEW; expanding it again stays silent.
        const relation = new QueryBinder(this.catalog, this.builder, new DiagnosticSink(), this.userFunctions).bindQuery(entry.query);
        if (!relation) throw new BindAbort();
        return { relation: renamed(relation, entry.columns.map((c) => c.name)), qualifier };
      }
      case 'derived':
        return { relation: this.query(ref.query), qualifier: ref.alias?.name ?? '' };
      case 'tableFunction':
        return { relation: bindWindowTableFunction(this, ref), qualifier: ref.alias?.name ?? '' };
      case 'join':
        return bindJoin(this, ref);
    }
  }

  private findCte(name: string): Query | undefined {
    for (let i = this.ctes.length - 1; i >= 0; i--) {
      const query = this.ctes[i].get(name);
      if (query) return query;
    }
    return undefined;
  }

  // A CTE body sees only the CTEs declared before it, so it is bound with the outer scopes alone.
  private cteRelation(name: string, query: Query): BoundRelation {
    const saved = this.ctes.splice(0);
    try {
      const visible = saved.map((scope) => new Map([...scope].slice(0, indexOrEnd([...scope.keys()], name))));
      this.ctes.push(...visible);
      return this.query(query);
    } finally {
      this.ctes.splice(0, this.ctes.length, ...saved);
    }
  }

  /** A table scan with its computed columns and watermark. */
  source(table: CatalogTable): BoundRelation {
    return bindSourceTable(table, this.builder, this.userFunctions);
  }

  /** Reports a NOT_SUPPORTED diagnostic and aborts the enclosing clause. */
  unsupported(message: string, span: Span): never {
    this.diagnostics.error('NOT_SUPPORTED', message, span);
    throw new BindAbort();
  }
}

function indexOrEnd(names: string[], name: string): number {
  const index = names.indexOf(name);
  return index < 0 ? names.length : index;
}

/** Renames a view's columns to the names its CREATE VIEW gave them. */
function renamed(relation: BoundRelation, names: string[]): BoundRelation {
  if (relation.fields.every((f, i) => f.name === names[i])) return relation;
  return { ...relation, fields: relation.fields.map((f, i) => ({ ...f, name: names[i] })) };
}
