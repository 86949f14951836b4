import type { LogicalPlanBuilder } from '../plan/logical-plan';
import { substituteInputs, type PlanExpr, type PlanField } from '../plan/plan-expr';
import type { CatalogTable } from './catalog';
import { DiagnosticSink } from './diagnostic';
import { ExpressionBinder } from './expression-binder';
import { isProctimeCall, proctimeAttribute, type BoundRelation } from './bound-relation';
import { Scope } from './scope';

/**
 * A table scan: the connector's columns, then a calc adding computed columns when there are any.
 * The watermark expression is rewritten over the connector's columns and stored on the source, so
 * every source subtask generates watermarks from the rows it reads, as Flink's sources do.
 */
export function bindSourceTable(table: CatalogTable, builder: LogicalPlanBuilder, userFunctions: ReadonlySet<string>): BoundRelation {
  const produced = table.columns.filter((c) => c.kind !== 'computed');
  const fields: PlanField[] = produced.map((c) => ({ name: c.name, type: c.type }));
  const rowtime = table.watermark?.column;
  // Problems in computed columns and the watermark were reported at CREATE TABLE.
  const quiet = new DiagnosticSink();
  const scope = new Scope(fields.map((f) => ({ qualifier: table.name, name: f.name, type: f.type })));
  const binder = new ExpressionBinder(scope, quiet, userFunctions);
  const projection: PlanExpr[] = [];
  const outFields: PlanField[] = [];
  for (const column of table.columns) {
    if (column.kind === 'computed' && column.expr && isProctimeCall(column.expr)) {
      const attribute = proctimeAttribute(column.name);
      projection.push(attribute.expr);
      outFields.push(attribute.field);
      continue;
    }
    const expr: PlanExpr = column.kind === 'computed' && column.expr
      ? binder.bind(column.expr)
      : { kind: 'input', index: produced.indexOf(column), type: column.type };
    projection.push(expr);
    outFields.push(column.name === rowtime ? { name: column.name, type: expr.type, time: 'rowtime' } : { name: column.name, type: expr.type });
  }
  let watermark: PlanExpr | undefined;
  if (table.watermark) {
    const allColumns = new Scope(outFields.map((f) => ({ qualifier: table.name, name: f.name, type: f.type })));
    watermark = substituteInputs(new ExpressionBinder(allColumns, quiet, userFunctions).bind(table.watermark.expr), projection);
  }
  const sourceId = builder.add('table_source', {
    table: table.name,
    connector: table.options.connector,
    options: table.options,
    fields: fields.map((f) => (f.name === rowtime ? { ...f, time: 'rowtime' as const } : f)),
    metadataKeys: produced.map((c) => (c.kind === 'metadata' ? (c.metadataKey ?? c.name) : null)),
    ...(watermark ? { watermark } : {}),
  }, []);
  if (!table.columns.some((c) => c.kind === 'computed')) return { nodeId: sourceId, fields: outFields };
  const nodeId = builder.add('calc', { projection, filter: null, fields: outFields }, [sourceId]);
  return { nodeId, fields: outFields };
}
