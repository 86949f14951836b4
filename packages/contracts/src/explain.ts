import { z } from 'zod';
import { UserFunctions } from './user-functions';

/** What an operator keeps between records: nothing, state partitioned by key, or state of each subtask as a whole. */
export const OperatorState = z.object({
  scope: z.enum(['none', 'keyed', 'subtask']),
  /** One line: what is kept, per what, and until when. */
  description: z.string(),
  /** The columns the state is keyed by, by name. */
  keys: z.array(z.string()),
  /** Idle keys are dropped after this long (`table.exec.state.ttl`); null when kept until done with. */
  ttlMs: z.number().int().nullable(),
});
export type OperatorState = z.infer<typeof OperatorState>;

export const ExplainOperator = z.object({
  /** The plan node id. */
  id: z.string(),
  /** The plan kind: `table_source`, `window_aggregate`, `join`, … */
  kind: z.string(),
  /** As Flink's web UI names it: `Source: bid`, `WindowAggregate`. */
  name: z.string(),
  /** The operator on one line, as the text explain prints it. */
  description: z.string(),
  /** The row kinds it emits: `I`, `I,UA`, `I,UB,UA,D`, … */
  changelogMode: z.string(),
  state: OperatorState,
});
export type ExplainOperator = z.infer<typeof ExplainOperator>;

/** A vertex: operators chained into one task, run by `parallelism` subtasks. */
export const ExplainVertex = z.object({
  id: z.string(),
  name: z.string(),
  parallelism: z.number().int().min(1),
  operators: z.array(ExplainOperator),
});
export type ExplainVertex = z.infer<typeof ExplainVertex>;

export const ExplainEdge = z.object({
  source: z.string(),
  target: z.string(),
  partitioning: z.enum(['forward', 'hash', 'broadcast', 'rebalance']),
  /** The hashed columns of a hash edge, by name; a hash on no column sends every row to subtask 0. */
  keys: z.array(z.string()),
  /** The row kinds crossing the edge (the upstream vertex's last operator's changelog mode). */
  changelogMode: z.string(),
  /** Which input of the target's first operator it feeds (1: a join's right side). */
  targetInput: z.number().int().min(0),
});
export type ExplainEdge = z.infer<typeof ExplainEdge>;

/** A job's physical plan as a graph to draw. */
export const ExplainGraph = z.object({
  vertices: z.array(ExplainVertex),
  edges: z.array(ExplainEdge),
});
export type ExplainGraph = z.infer<typeof ExplainGraph>;

export const ExplainRequest = z.object({
  sql: z.string().max(1_000_000),
  /** The job being edited: its saved functions are used when `functions` is absent. */
  jobId: z.string().min(1).optional(),
  /** User functions the SQL calls (the editor's unsaved ones). */
  functions: UserFunctions.optional(),
});
export type ExplainRequest = z.infer<typeof ExplainRequest>;

export const ExplainResponse = z.object({
  graph: ExplainGraph,
  /** The plan as text, as `weir explain` prints it. */
  text: z.string(),
});
export type ExplainResponse = z.infer<typeof ExplainResponse>;
