import type { LogicalNode, LogicalPlan } from './logical-plan';
import { forEachInput, remapInputs, type PlanExpr, type PlanField } from './plan-expr';

type CalcNode = Extract<LogicalNode, { kind: 'calc' }>;
type JoinNode = Extract<LogicalNode, { kind: 'join' }>;

/**
 * Calcite's ProjectJoinTransposeRule for regular joins: the columns of a join input that neither
 * the join (its keys and condition) nor the calc consuming it reads are projected away below the
 * join, so each side's state keeps only what is used. A regular join keeps every row of both
 * inputs; in Nexmark q23 that is millions of bids, each with columns nobody reads.
 */
export function pruneJoinInputs(plan: LogicalPlan): LogicalPlan {
  const nodes = plan.nodes.map((n) => structuredClone(n));
  let nextId = Math.max(0, ...nodes.map((n) => Number(n.id)).filter(Number.isFinite)) + 1;
  // Downstream joins first: the projection one adds above an upstream join lets that join prune too.
  for (const join of [...nodes].reverse()) {
    if (join.kind !== 'join') continue;
    const consumers = nodes.filter((n) => n.inputs.includes(join.id));
    if (consumers.length !== 1 || consumers[0].kind !== 'calc') continue;
    const calc = consumers[0];
    const used = usedColumns(join, calc);
    const { leftWidth, fields } = join.config;
    const keepLeft = used.filter((i) => i < leftWidth);
    const keepRight = used.filter((i) => i >= leftWidth).map((i) => i - leftWidth);
    const rightWidth = fields.length - leftWidth;
    // A side with no column left would make every row of it equal; keep such joins as they are.
    if (keepLeft.length === 0 || keepRight.length === 0 || used.length === fields.length) continue;
    const sides: [number[], number, number][] = [[keepLeft, leftWidth, 0], [keepRight, rightWidth, 1]];
    for (const [keep, width, side] of sides) {
      if (keep.length === width) continue;
      const input = nodes.find((n) => n.id === join.inputs[side]) as LogicalNode;
      const projection = projectionNode(String(nextId++), input, keep);
      nodes.splice(nodes.indexOf(join), 0, projection);
      join.inputs[side] = projection.id;
    }
    const mapping = new Map(used.map((old, i) => [old, i]));
    rewriteJoin(join, mapping, keepLeft.length, used.map((i) => fields[i]));
    calc.config.projection = calc.config.projection.map((p) => remapInputs(p, mapping));
    if (calc.config.filter) calc.config.filter = remapInputs(calc.config.filter, mapping);
  }
  return { ...plan, nodes };
}

/** Join output columns read by the join itself or by its consumer, in order. */
function usedColumns(join: JoinNode, calc: CalcNode): number[] {
  const used = new Set<number>();
  const read = (expr: PlanExpr | null): void => {
    if (expr) forEachInput(expr, (index) => used.add(index));
  };
  calc.config.projection.forEach(read);
  read(calc.config.filter);
  read(join.config.condition);
  for (const key of join.config.leftKeys) used.add(key);
  for (const key of join.config.rightKeys) used.add(key + join.config.leftWidth);
  return [...used].sort((a, b) => a - b);
}

function projectionNode(id: string, input: LogicalNode, keep: number[]): CalcNode {
  const inputFields: PlanField[] = input.config.fields;
  return {
    id, kind: 'calc', inputs: [input.id],
    config: { projection: keep.map((i) => ({ kind: 'input', index: i, type: inputFields[i].type })), filter: null, fields: keep.map((i) => inputFields[i]) },
  };
}

function rewriteJoin(join: JoinNode, mapping: Map<number, number>, leftWidth: number, fields: PlanField[]): void {
  const oldLeftWidth = join.config.leftWidth;
  join.config.leftKeys = join.config.leftKeys.map((k) => mapping.get(k) as number);
  join.config.rightKeys = join.config.rightKeys.map((k) => (mapping.get(k + oldLeftWidth) as number) - leftWidth);
  if (join.config.condition) join.config.condition = remapInputs(join.config.condition, mapping);
  join.config.leftWidth = leftWidth;
  join.config.fields = fields;
}
