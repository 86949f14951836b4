import type { Connector } from '../connectors/connector';
import { nestedFieldUsage } from '../connectors/nested-fields';
import type { LogicalNode, LogicalPlan } from './logical-plan';
import { andAll, conjuncts, forEachInput, remapInputs, type PlanExpr } from './plan-expr';

/**
 * Offers each source the filter and the columns of the calc reading it (Flink's
 * SupportsFilterPushDown / SupportsProjectionPushDown): accepted conjuncts leave the calc, and a
 * source that accepts a projection emits only the columns read downstream.
 */
export function pushDownIntoSources(plan: LogicalPlan, connectorOf: (name: string) => Connector | undefined): LogicalPlan {
  const nodes = plan.nodes.map((n) => structuredClone(n));
  for (const source of nodes) {
    if (source.kind !== 'table_source') continue;
    const readers = nodes.filter((n) => n.inputs.includes(source.id));
    const calc = readers[0];
    const connector = connectorOf(source.config.connector);
    if (readers.length !== 1 || calc.kind !== 'calc' || !connector || source.config.projection) continue;
    const table = { table: source.config.table, options: source.config.options, fields: source.config.fields };
    if (connector.applyFilter && calc.config.filter) {
      const all = conjuncts(calc.config.filter);
      const accepted = connector.applyFilter(table, all);
      if (accepted.length > 0) {
        source.config.filters = accepted;
        calc.config.filter = andAll(all.filter((c) => !accepted.includes(c)));
      }
    }
    if (connector.applyProjection) projectSource(source, calc, connector, table);
  }
  return { ...plan, nodes };
}

function projectSource(
  source: Extract<LogicalNode, { kind: 'table_source' }>,
  calc: Extract<LogicalNode, { kind: 'calc' }>,
  connector: Connector,
  table: { table: string; options: Record<string, string>; fields: LogicalNode['config']['fields'] },
): void {
  const used = new Set<number>();
  const read = (expr: PlanExpr | null | undefined): void => {
    if (expr) forEachInput(expr, (index) => used.add(index));
  };
  calc.config.projection.forEach(read);
  read(calc.config.filter);
  read(source.config.watermark);
  const nestedFields = nestedFieldUsage([...calc.config.projection, calc.config.filter, source.config.watermark]);
  // Only when there is something to say, so equal scans stay equal for sub-plan reuse.
  if (Object.keys(nestedFields).length > 0) source.config.nestedFields = nestedFields;
  const fields = [...used].sort((a, b) => a - b);
  if (fields.length === source.config.fields.length || !connector.applyProjection?.(table, fields)) return;
  const mapping = new Map(fields.map((old, i) => [old, i]));
  source.config.projection = fields;
  source.config.metadataKeys = fields.map((i) => source.config.metadataKeys[i]);
  source.config.fields = fields.map((i) => source.config.fields[i]);
  source.config.tableFields = table.fields;
  if (source.config.watermark) source.config.watermark = remapInputs(source.config.watermark, mapping);
  calc.config.projection = calc.config.projection.map((p) => remapInputs(p, mapping));
  if (calc.config.filter) calc.config.filter = remapInputs(calc.config.filter, mapping);
}
