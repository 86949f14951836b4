import type { AggregateCall, LogicalNode, LogicalPlan } from './logical-plan';
import type { DeduplicateConfig } from './rank-plan';

/** The kinds of change a node emits: inserts only, or inserts, updates and deletes. */
export type ChangelogMode = 'insert-only' | 'updates';

/** Changes a sink consumes (see `Connector.sinkChangelogMode`). */
export type SinkChangelogMode = 'insert-only' | 'upsert' | 'all';

/** A sink fed with updates it cannot consume, and the node that produces them. */
export interface ChangelogViolation {
  sinkId: string;
  producer: LogicalNode;
}

/**
 * Flink's changelog mode inference in two passes: forward, which nodes emit updates; backward,
 * which updating nodes must also emit UPDATE_BEFORE (a consumer needs retractions: a print sink,
 * another aggregate), recorded as `generateUpdateBefore` on group aggregates.
 */
export function inferChangelogModes(
  plan: LogicalPlan,
  sinkModeOf: (sink: Extract<LogicalNode, { kind: 'table_sink' }>) => SinkChangelogMode,
  sourceModeOf: (source: Extract<LogicalNode, { kind: 'table_source' }>) => ChangelogMode = () => 'insert-only',
): {
  plan: LogicalPlan;
  modes: Map<string, ChangelogMode>;
  violations: ChangelogViolation[];
} {
  const nodes = plan.nodes.map((n) => structuredClone(n));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const modes = new Map<string, ChangelogMode>();
  const violations: ChangelogViolation[] = [];
  for (const node of nodes) {
    const updatingInput = node.inputs.some((id) => modes.get(id) === 'updates');
    if (node.kind === 'join' || node.kind === 'semi_join' || node.kind === 'anti_join') {
      node.config.leftHasUpdates = modes.get(node.inputs[0]) === 'updates';
      node.config.rightHasUpdates = modes.get(node.inputs[1]) === 'updates';
    }
    if (node.kind === 'group_aggregate' || node.kind === 'rank' || node.kind === 'anti_join' || (node.kind === 'join' && node.config.joinType !== 'INNER')) {
      if (node.kind === 'group_aggregate' || node.kind === 'rank') node.config.inputHasUpdates = updatingInput;
      modes.set(node.id, 'updates');
    } else if (node.kind === 'table_source') {
      modes.set(node.id, sourceModeOf(node));
    } else if (node.kind === 'temporal_join') {
      // Versions of the right side are looked up, never revised into the output; left rows keep their kind.
      node.config.leftHasUpdates = modes.get(node.inputs[0]) === 'updates';
      modes.set(node.id, node.config.leftHasUpdates ? 'updates' : 'insert-only');
    } else if (node.kind === 'deduplicate') {
      modes.set(node.id, dedupInsertOnly(node.config) ? 'insert-only' : 'updates');
    } else {
      modes.set(node.id, updatingInput ? 'updates' : 'insert-only');
    }
    if ((node.kind === 'window_aggregate' || node.kind === 'window_table_function' || node.kind === 'interval_join' || node.kind === 'deduplicate' || node.kind === 'over_aggregate' || WINDOWED_KINDS.has(node.kind)) && updatingInput) {
      violations.push({ sinkId: node.id, producer: producerOf(node.inputs.find((id) => modes.get(id) === 'updates') as string, byId, modes) });
    }
    if (node.kind === 'table_sink' && updatingInput && sinkModeOf(node) === 'insert-only') violations.push({ sinkId: node.id, producer: producerOf(node.inputs[0], byId, modes) });
    if (node.kind === 'table_sink' && updatingInput) {
      const keys = upsertKeysOf(node.inputs[0], byId);
      if (keys) node.config.upsertKeys = keys;
    }
  }
  const needsBefore = new Set<string>();
  for (const node of [...nodes].reverse()) {
    const required = node.kind === 'table_sink' ? sinkModeOf(node) === 'all'
      : node.kind === 'group_aggregate' || node.kind === 'join' || node.kind === 'semi_join' || node.kind === 'anti_join' || node.kind === 'rank' ? true
      : needsBefore.has(node.id);
    if (node.kind === 'group_aggregate' || node.kind === 'rank' || node.kind === 'deduplicate') node.config.generateUpdateBefore = needsBefore.has(node.id);
    // A temporal join passes on the kinds of its left input only; its right side never needs -U.
    const passedOn = node.kind === 'temporal_join' ? [node.inputs[0]] : node.inputs;
    if (required) for (const input of passedOn) if (modes.get(input) === 'updates') needsBefore.add(input);
  }
  for (const node of nodes) node.changelogMode = node.kind === 'table_source' && modes.get(node.id) === 'updates' ? 'I,UB,UA,D' : displayMode(node, byId);
  return { plan: { ...plan, nodes }, modes, violations };
}

const KIND_ORDER = ['I', 'UB', 'UA', 'D'];

/** Operators that emit each window once when it fires: they take and give inserts only. */
const WINDOWED_KINDS: ReadonlySet<string> = new Set(['window_join', 'window_rank', 'window_deduplicate']);

/** Keep-first deduplication on processing time never revises its output. */
function dedupInsertOnly(config: DeduplicateConfig): boolean {
  return !config.keepLast && config.timeAttribute === 'proctime';
}

// The row kinds a node emits, as Flink's EXPLAIN CHANGELOG_MODE prints them.
function displayMode(node: LogicalNode, byId: Map<string, LogicalNode>): string {
  if (node.inputs.length === 0 || node.kind === 'window_aggregate') return 'I';
  if (node.kind === 'temporal_join') return byId.get(node.inputs[0])?.changelogMode ?? 'I';
  if (node.kind === 'group_aggregate') {
    const kinds = ['I', 'UA', ...(node.config.generateUpdateBefore ? ['UB'] : []), ...(node.config.inputHasUpdates ? ['D'] : [])];
    return KIND_ORDER.filter((k) => kinds.includes(k)).join(',');
  }
  if (node.kind === 'rank') return node.config.generateUpdateBefore ? 'I,UB,UA,D' : 'I,UA,D';
  if (node.kind === 'deduplicate') return dedupInsertOnly(node.config) ? 'I' : node.config.generateUpdateBefore ? 'I,UB,UA' : 'I,UA';
  const kinds = new Set(node.inputs.flatMap((id) => (byId.get(id)?.changelogMode ?? 'I').split(',')));
  // A join turns input updates into inserts and deletes of joined rows.
  if (node.kind === 'join') return kinds.size > 1 || node.config.joinType !== 'INNER' ? 'I,D' : 'I';
  // A right row arriving withdraws left rows from an anti join.
  if (node.kind === 'semi_join' || node.kind === 'anti_join') return kinds.size > 1 || node.kind === 'anti_join' ? 'I,D' : 'I';
  return KIND_ORDER.filter((k) => kinds.has(k)).join(',');
}

// Columns that identify a row of an updating stream (Flink's upsert keys), traced through calcs.
function upsertKeysOf(id: string, byId: Map<string, LogicalNode>): number[] | undefined {
  const node = byId.get(id) as LogicalNode;
  if (node.kind === 'group_aggregate') return node.config.keys.map((_, i) => i);
  if (node.kind === 'deduplicate') return node.config.keys;
  if (node.kind === 'rank') {
    // With the rank column each (partition, rank) is one result row; a Top-1 has one row per partition.
    const { keys, rankType, rankEnd, outputRankNumber, fields } = node.config;
    if (outputRankNumber && rankType === 'ROW_NUMBER') return [...keys, fields.length - 1];
    return rankEnd === 1 && rankType === 'ROW_NUMBER' ? keys : undefined;
  }
  if (node.kind !== 'calc') return undefined;
  const inner = upsertKeysOf(node.inputs[0], byId);
  if (!inner) return undefined;
  const keys = inner.map((k) => node.config.projection.findIndex((p) => p.kind === 'input' && p.index === k));
  return keys.includes(-1) ? undefined : keys;
}

/** The node that makes the output of node `id` an updating stream, or undefined when it is insert-only (for checks while binding). */
export function updatingProducer(nodes: LogicalNode[], id: string): LogicalNode | undefined {
  const { plan, modes } = inferChangelogModes({ planVersion: 0, nodes, config: {} }, () => 'all');
  if (modes.get(id) !== 'updates') return undefined;
  return producerOf(id, new Map(plan.nodes.map((n) => [n.id, n])), modes);
}

// The node that turns an insert-only stream into an updating one, looking up through pass-through nodes.
function producerOf(id: string, byId: Map<string, LogicalNode>, modes: Map<string, ChangelogMode>): LogicalNode {
  const node = byId.get(id) as LogicalNode;
  const updatingInput = node.inputs.find((input) => modes.get(input) === 'updates');
  return node.kind === 'group_aggregate' || node.kind === 'rank' || updatingInput === undefined ? node : producerOf(updatingInput, byId, modes);
}

/** Flink's digest of a node in error messages and EXPLAIN: `GroupAggregate(groupBy=[a], select=[a, COUNT(*) AS cnt])`. */
export function describeNode(node: LogicalNode): string {
  switch (node.kind) {
    case 'group_aggregate':
    case 'global_group_aggregate': {
      const { keys, aggs, inputNames } = node.config;
      const select = [...keys.map((k) => inputNames[k]), ...aggs.map((a) => `${aggregateText(a, inputNames)} AS ${a.name}`)];
      return `GroupAggregate(${keys.length > 0 ? `groupBy=[${keys.map((k) => inputNames[k]).join(', ')}], ` : ''}select=[${select.join(', ')}])`;
    }
    case 'window_aggregate': {
      const { keys, aggs, inputNames, window, attached } = node.config;
      const select = [...keys.map((k) => inputNames[k]), ...aggs.map((a) => `${aggregateText(a, inputNames)} AS ${a.name}`)];
      // An attached window is read from the input's window columns, as Flink's EXPLAIN shows win_start/win_end.
      const windowText = attached ? `${window.kind.toUpperCase()}(win_start=[${inputNames[attached.startIndex]}], win_end=[${inputNames[attached.endIndex]}])` : window.kind.toUpperCase();
      return `WindowAggregate(groupBy=[${keys.map((k) => inputNames[k]).join(', ')}], window=[${windowText}], select=[${select.join(', ')}])`;
    }
    case 'over_aggregate': {
      const { keys, timeIndex, frame, aggs, inputNames } = node.config;
      const partitionBy = keys.length > 0 ? `partitionBy=[${keys.map((k) => inputNames[k]).join(', ')}], ` : '';
      const window = `${frame.unit} BETWEEN ${frame.preceding === null ? 'UNBOUNDED' : frame.preceding} PRECEDING AND CURRENT ROW`;
      const select = [...inputNames, ...aggs.map((a) => `${aggregateText(a, inputNames)} AS ${a.name}`)];
      return `OverAggregate(${partitionBy}orderBy=[${inputNames[timeIndex]} ASC], window=[${window}], select=[${select.join(', ')}])`;
    }
    default:
      return `${node.kind}(${node.config.fields.map((f) => f.name).join(', ')})`;
  }
}

/** An aggregate call as Flink prints it: `COUNT(*)`, `COUNT(DISTINCT bidder)`, `SUM(price)`. */
export function aggregateText(call: AggregateCall, inputNames: string[]): string {
  const args = call.args.length === 0 ? '*' : call.args.map((i) => inputNames[i]).join(', ');
  return `${call.fn}(${call.distinct ? 'DISTINCT ' : ''}${args})`;
}
