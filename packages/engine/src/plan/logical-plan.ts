import { EngineError } from '../errors';
import type { PlanExpr, PlanField } from './plan-expr';

/** Bumped whenever a node kind or config changes shape, so stored plans can be recognized. */
export const PLAN_VERSION = 1;

export interface TableSourceConfig {
  table: string;
  connector: string;
  options: Record<string, string>;
  /** Physical and metadata columns the connector produces, in order. */
  fields: PlanField[];
  /** Metadata key per field, null for physical columns. */
  metadataKeys: (string | null)[];
}

export interface CalcConfig {
  projection: PlanExpr[];
  /** Rows are kept only where this evaluates to TRUE (not FALSE, not NULL). */
  filter: PlanExpr | null;
  fields: PlanField[];
}

export interface TableSinkConfig {
  table: string;
  connector: string;
  options: Record<string, string>;
  fields: PlanField[];
}

export type LogicalNode =
  | { id: string; kind: 'table_source'; config: TableSourceConfig; inputs: string[] }
  | { id: string; kind: 'calc'; config: CalcConfig; inputs: string[] }
  | { id: string; kind: 'table_sink'; config: TableSinkConfig; inputs: string[] };

export type LogicalNodeKind = LogicalNode['kind'];

export interface LogicalPlan {
  planVersion: number;
  nodes: LogicalNode[];
  /** Session configuration (SET statements and --set), e.g. 'parallelism.default'. */
  config: Record<string, string>;
}

/** Appends nodes with sequential ids; nodes only refer to earlier ones, so the list is topological. */
export class LogicalPlanBuilder {
  readonly nodes: LogicalNode[] = [];

  /** Adds a node and returns its id. */
  add<K extends LogicalNodeKind>(kind: K, config: Extract<LogicalNode, { kind: K }>['config'], inputs: string[]): string {
    const id = String(this.nodes.length + 1);
    this.nodes.push({ id, kind, config, inputs } as LogicalNode);
    return id;
  }

  /** Output fields of a node. */
  fieldsOf(id: string): PlanField[] {
    const node = this.nodes.find((n) => n.id === id);
    if (!node) throw new EngineError(`plan node ${id} does not exist`, { code: 'PLAN_NODE_MISSING', domain: 'internal' });
    return node.config.fields;
  }
}
