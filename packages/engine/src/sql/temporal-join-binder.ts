import { equiJoinPair } from '../plan/join-filter-push-down';
import { andAll, conjuncts, type PlanExpr, type PlanField } from '../plan/plan-expr';
import type { TableRef } from './ast';
import type { FromItem } from './bound-relation';
import { withNullability } from './data-type';
import { BindAbort } from './expression-binder';
import type { QueryBinder } from './query-binder';
import type { Span } from './span';

/**
 * `a [LEFT] JOIN versioned FOR SYSTEM_TIME AS OF a.rowtime [AS v] ON ...` as an event-time temporal
 * join: `versioned` is a table with a PRIMARY KEY and a WATERMARK, or a view keeping the latest row
 * per key (ROW_NUMBER() ... ORDER BY rowtime DESC = 1); ON must equate its whole primary key. The
 * left rowtime stays a time attribute; the right one becomes a plain timestamp, as in Flink.
 */
export function bindTemporalJoin(binder: QueryBinder, ref: Extract<TableRef, { kind: 'join' }>, versionedRef: Extract<TableRef, { kind: 'table' }>, left: FromItem, leftTime: number): FromItem {
  const joinType = ref.joinType === 'LEFT' ? 'LEFT' : 'INNER';
  const name = versionedRef.name[versionedRef.name.length - 1];
  const right = binder.tableRef({ ...versionedRef, forSystemTimeAsOf: undefined });
  const rightFields = right.relation.fields;
  const primaryKey = primaryKeyOf(binder, right.relation.nodeId);
  if (!primaryKey) invalid(binder, 'Temporal Table Join requires primary key in versioned table, but no primary key can be found.', name.span);
  const rightTime = rightFields.findIndex((f) => f.time === 'rowtime');
  if (rightTime < 0) invalid(binder, 'Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found.', name.span);
  const fields: PlanField[] = [
    ...left.relation.fields,
    ...rightFields.map((f) => ({ name: f.name, type: joinType === 'LEFT' ? withNullability(f.type, true) : f.type })),
  ];
  const leftWidth = left.relation.fields.length;
  const qualifierOf = (item: FromItem, i: number): string => item.columnQualifiers?.[i] ?? item.qualifier;
  const columnQualifiers = [...left.relation.fields.map((_, i) => qualifierOf(left, i)), ...rightFields.map((_, i) => qualifierOf(right, i))];
  const joined: FromItem = { relation: { nodeId: '', fields }, qualifier: '', columnQualifiers };
  const leftKeys: number[] = [];
  const rightKeys: number[] = [];
  const rest: PlanExpr[] = [];
  for (const conjunct of ref.on ? conjuncts(binder.bindCondition(binder.expressionBinder(joined), ref.on, 'ON')) : []) {
    const pair = equiJoinPair(conjunct, leftWidth);
    if (pair) {
      leftKeys.push(pair[0]);
      rightKeys.push(pair[1]);
    } else {
      rest.push(conjunct);
    }
  }
  if (!primaryKey.every((k) => rightKeys.includes(k))) invalid(binder, "Join key must be the same as temporal table's primary key in Event-time temporal table join.", ref.on?.span ?? ref.span);
  const nodeId = binder.builder.add('temporal_join', {
    joinType, leftKeys, rightKeys, leftTime, rightTime, condition: andAll(rest), leftWidth, fields, leftHasUpdates: false,
  }, [left.relation.nodeId, right.relation.nodeId]);
  return { ...joined, relation: { nodeId, fields } };
}

function invalid(binder: QueryBinder, message: string, span: Span): never {
  binder.diagnostics.error('TEMPORAL_JOIN_INVALID', message, span);
  throw new BindAbort();
}

/**
 * The versioned side's primary key (indexes into the node's fields): a scanned table's PRIMARY KEY
 * or the keys of a deduplication keeping one row per key, traced up through projections, so a
 * view over either keeps it.
 */
function primaryKeyOf(binder: QueryBinder, id: string): number[] | undefined {
  const node = binder.builder.nodes.find((n) => n.id === id);
  if (node?.kind === 'deduplicate') return node.config.keys;
  if (node?.kind === 'table_source') {
    const entry = binder.catalog.get(node.config.table);
    if (entry?.kind !== 'table' || entry.primaryKey.length === 0) return undefined;
    const names = node.config.fields.map((f) => f.name);
    return entry.primaryKey.map((column) => names.indexOf(column));
  }
  if (node?.kind !== 'calc') return undefined;
  const inner = primaryKeyOf(binder, node.inputs[0]);
  if (!inner) return undefined;
  const keys = inner.map((k) => node.config.projection.findIndex((p) => p.kind === 'input' && p.index === k));
  return keys.includes(-1) ? undefined : keys;
}
