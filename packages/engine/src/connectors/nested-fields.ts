import type { PlanExpr } from '../plan/plan-expr';

/**
 * Which fields of each ROW column expressions read, for nested projection push-down: a column
 * read only through field access (`bid.price`) maps to the field indexes read; a column read as
 * a whole (or not a ROW) is absent. Keys are column indexes, as strings (plans are JSON).
 */
export function nestedFieldUsage(exprs: readonly (PlanExpr | null | undefined)[]): Record<string, number[]> {
  const fields = new Map<number, Set<number>>();
  const whole = new Set<number>();
  const visit = (expr: PlanExpr): void => {
    switch (expr.kind) {
      case 'input':
        whole.add(expr.index);
        return;
      case 'literal':
        return;
      case 'field':
        if (expr.target.kind === 'input') {
          const read = fields.get(expr.target.index) ?? new Set<number>();
          read.add(expr.index);
          fields.set(expr.target.index, read);
        } else visit(expr.target);
        return;
      case 'call':
        expr.args.forEach(visit);
    }
  };
  for (const expr of exprs) if (expr) visit(expr);
  const usage: Record<string, number[]> = {};
  for (const [column, read] of fields) if (!whole.has(column)) usage[column] = [...read].sort((a, b) => a - b);
  return usage;
}
