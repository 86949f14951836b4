import type { LogicalPlanBuilder } from '../plan/logical-plan';
import type { PlanExpr, PlanField } from '../plan/plan-expr';
import type { Expr } from './ast';
import { simple } from './data-type';
import { BindAbort } from './expression-binder';
import type { QueryBinder } from './query-binder';

/** The grouping keys of a GROUP BY and, for ROLLUP / CUBE / GROUPING SETS, the sets (indexes into keys). */
export interface GroupingSets {
  keys: Expr[];
  sets?: number[][];
  /** Plans the Expand feeding the aggregate; returns it and the aggregate's keys (the keys plus `$e`). */
  expand(inputId: string, keys: number[], fields: PlanField[], builder: LogicalPlanBuilder): { nodeId: string; keys: number[]; fields: PlanField[] };
}

const BIGINT = simple('BIGINT', false);

function astKey(expr: Expr): string {
  return JSON.stringify(expr, (key, value: unknown) => (key === 'span' ? undefined : value));
}

function elements(expr: Expr): Expr[] {
  return expr.kind === 'call' && expr.name.name.toUpperCase() === 'ROW' ? expr.args : [expr];
}

/**
 * Expands GROUP BY items into grouping sets as Calcite does: ROLLUP(a, b) is (a, b), (a), ();
 * CUBE(a, b) is (a, b), (a), (b), (); several items combine by cross product.
 */
export function expandGroupingSets(binder: QueryBinder, groupBy: Expr[]): GroupingSets {
  const keys: Expr[] = [];
  const indexOf = (expr: Expr): number => {
    const key = astKey(expr);
    const found = keys.findIndex((k) => astKey(k) === key);
    return found >= 0 ? found : keys.push(expr) - 1;
  };
  let sets: number[][] = [[]];
  let plain = true;
  for (const item of groupBy) {
    const fn = item.kind === 'call' ? item.name.name.toUpperCase() : '';
    let itemSets: number[][];
    if (item.kind === 'call' && (fn === 'ROLLUP' || fn === 'CUBE' || fn === 'GROUPING SETS')) {
      plain = false;
      const parts = item.args.map((arg) => elements(arg).map(indexOf));
      if (fn === 'ROLLUP') itemSets = parts.map((_, i) => parts.slice(0, parts.length - i).flat()).concat([[]]);
      else if (fn === 'CUBE') {
        if (parts.length > 12) binder.unsupported('CUBE over more than 12 expressions is not supported', item.span);
        itemSets = [];
        for (let mask = (1 << parts.length) - 1; mask >= 0; mask--) itemSets.push(parts.filter((_, i) => mask & (1 << (parts.length - 1 - i))).flat());
      } else itemSets = parts;
    } else {
      itemSets = [[indexOf(item)]];
    }
    sets = sets.flatMap((set) => itemSets.map((extra) => [...set, ...extra.filter((k) => !set.includes(k))]));
  }
  if (plain) return { keys, expand: () => { throw new BindAbort(); } };
  return {
    keys,
    sets,
    expand(inputId, keyColumns, fields, builder) {
      const n = keyColumns.length;
      const outFields: PlanField[] = fields.map((f, i) => (keyColumns.includes(i) ? { name: f.name, type: { ...f.type, nullable: true } } : { name: f.name, type: f.type }));
      outFields.push({ name: '$e', type: BIGINT });
      const projections = sets.map((set) => {
        let id = 0;
        keyColumns.forEach((_, i) => {
          if (!set.includes(i)) id += 2 ** (n - 1 - i);
        });
        const row: PlanExpr[] = fields.map((f, c) => {
          const k = keyColumns.indexOf(c);
          if (k >= 0 && !set.includes(k)) return { kind: 'literal', value: null, type: outFields[c].type };
          return { kind: 'input', index: c, type: outFields[c].type };
        });
        row.push({ kind: 'literal', value: id, type: BIGINT });
        return row;
      });
      const nodeId = builder.add('expand', { projections, fields: outFields }, [inputId]);
      return { nodeId, keys: [...keyColumns, fields.length], fields: outFields };
    },
  };
}

/** GROUPING(x, ...), GROUPING_ID(x, ...) and GROUP_ID() over the aggregate output (`$e` follows the keys). */
export function groupingExpr(binder: QueryBinder, fn: string, call: Extract<Expr, { kind: 'call' }>, grouping: GroupingSets, keyCount: number): PlanExpr {
  if (fn === 'GROUP_ID' || !grouping.sets) {
    if (fn !== 'GROUP_ID' && call.args.length === 0) binder.unsupported(`${fn} expects arguments`, call.span);
    return { kind: 'literal', value: 0, type: BIGINT };
  }
  const e: PlanExpr = { kind: 'input', index: keyCount, type: BIGINT };
  const m = call.args.length;
  let result: PlanExpr | undefined;
  call.args.forEach((arg, j) => {
    const i = grouping.keys.findIndex((k) => astKey(k) === astKey(arg));
    if (i < 0) {
      binder.diagnostics.error('INVALID_CALL', `argument of ${fn} must be a grouping expression`, arg.span);
      throw new BindAbort();
    }
    const shifted: PlanExpr = { kind: 'call', op: 'divide', args: [e, { kind: 'literal', value: 2 ** (keyCount - 1 - i), type: BIGINT }], type: BIGINT };
    const bit: PlanExpr = { kind: 'call', op: 'mod', args: [shifted, { kind: 'literal', value: 2, type: BIGINT }], type: BIGINT };
    const weighted: PlanExpr = { kind: 'call', op: 'times', args: [bit, { kind: 'literal', value: 2 ** (m - 1 - j), type: BIGINT }], type: BIGINT };
    result = result ? { kind: 'call', op: 'plus', args: [result, weighted], type: BIGINT } : weighted;
  });
  return result as PlanExpr;
}
