import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Query } from './ast';
import { commonType, formatType, type DataType } from './data-type';
import { BindAbort, cast, ExpressionBinder } from './expression-binder';
import type { BoundRelation } from './bound-relation';
import type { QueryBinder } from './query-binder';
import { Scope } from './scope';

/**
 * `VALUES (a, b), (c, d)`: each column gets the common type of its rows (Calcite's leastRestrictive,
 * so `(1), (2.5)` is DECIMAL), named EXPR$0, EXPR$1, ... unless a FROM alias renames it.
 */
export function bindValues(binder: QueryBinder, query: Extract<Query, { kind: 'values' }>): BoundRelation {
  const exprBinder = new ExpressionBinder(new Scope([]), binder.diagnostics, binder.userFunctions);
  const width = query.rows[0].length;
  const rows: PlanExpr[][] = [];
  for (const row of query.rows) {
    if (row.length !== width) {
      binder.diagnostics.error('COLUMN_COUNT_MISMATCH', `every row of VALUES must have ${width} value${width === 1 ? '' : 's'}, this one has ${row.length}`, row[0]?.span ?? query.span);
      throw new BindAbort();
    }
    rows.push(row.map((expr) => exprBinder.bind(expr)));
  }
  const types: DataType[] = [];
  for (let c = 0; c < width; c++) {
    let type: DataType | undefined = rows[0][c].type;
    for (const row of rows.slice(1)) type = type && commonType(type, row[c].type);
    if (!type) {
      binder.diagnostics.error('TYPE_MISMATCH', `column ${c + 1} of VALUES has no common type (${rows.map((r) => formatType(r[c].type)).join(', ')})`, query.span);
      throw new BindAbort();
    }
    types.push(rows.some((r) => r[c].type.nullable) ? type : { ...type, nullable: false });
  }
  const fields: PlanField[] = types.map((type, c) => ({ name: `EXPR$${c}`, type }));
  const casted = rows.map((row) => row.map((expr, c) => cast(expr, types[c])));
  return { nodeId: binder.builder.add('values', { rows: casted, fields }, []), fields };
}
