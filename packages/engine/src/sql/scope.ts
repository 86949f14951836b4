import type { Ident } from './ast';
import { formatType, type DataType } from './data-type';
import type { PlanExpr } from '../plan/plan-expr';
import { didYouMean } from './suggest';
import type { Span } from './span';

export interface ScopeColumn {
  /** The table name or alias that qualifies this column in the FROM clause. */
  qualifier: string;
  name: string;
  type: DataType;
}

/** A name that could not be resolved, with the message to show and where. */
export class ResolveError {
  constructor(
    readonly message: string,
    readonly span: Span,
    readonly code: string,
  ) {}
}

/** The columns visible to expressions of one SELECT; each column is an input index. */
export class Scope {
  constructor(readonly columns: ScopeColumn[]) {}

  /**
   * Resolves `col`, `t.col`, `col.field` and `t.col.field...`: a first part naming a table
   * qualifier wins, as in Calcite; remaining parts are ROW field accesses.
   */
  resolve(parts: Ident[]): PlanExpr | ResolveError {
    const qualifiers = new Set(this.columns.map((c) => c.qualifier));
    let rest = parts;
    let candidates = this.columns.map((column, index) => ({ column, index }));
    let tableLabel = [...qualifiers].length === 1 ? `table '${[...qualifiers][0]}'` : 'the FROM clause';
    if (parts.length > 1 && qualifiers.has(parts[0].name) && !this.columns.some((c) => c.name === parts[0].name)) {
      candidates = candidates.filter((c) => c.column.qualifier === parts[0].name);
      tableLabel = `table '${parts[0].name}'`;
      rest = parts.slice(1);
    }
    const head = rest[0];
    const matches = candidates.filter((c) => c.column.name === head.name);
    if (matches.length > 1) return new ResolveError(`column '${head.name}' is ambiguous; qualify it with a table name`, head.span, 'COLUMN_AMBIGUOUS');
    if (matches.length === 0) {
      const hint = didYouMean(head.name, candidates.map((c) => c.column.name));
      return new ResolveError(`column '${head.name}' not found in ${tableLabel}${hint}`, head.span, 'COLUMN_NOT_FOUND');
    }
    let expr: PlanExpr = { kind: 'input', index: matches[0].index, type: matches[0].column.type };
    let label = head.name;
    for (const part of rest.slice(1)) {
      const type: DataType = expr.type;
      if (type.kind !== 'ROW') {
        return new ResolveError(`'${label}' is of type ${formatType(type)}, which has no field '${part.name}'`, part.span, 'FIELD_NOT_FOUND');
      }
      const index = type.fields.findIndex((f) => f.name === part.name);
      if (index < 0) {
        const hint = didYouMean(part.name, type.fields.map((f) => f.name));
        return new ResolveError(`field '${part.name}' not found in '${label}'${hint}`, part.span, 'FIELD_NOT_FOUND');
      }
      const fieldType: DataType = type.fields[index].type;
      expr = { kind: 'field', target: expr, index, type: type.nullable && !fieldType.nullable ? { ...fieldType, nullable: true } : fieldType };
      label = `${label}.${part.name}`;
    }
    return expr;
  }
}
