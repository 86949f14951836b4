import type { ConnectorRegistry } from '../connectors/connector-registry';
import { readLookupCacheSpec } from '../connectors/lookup-options';
import { stateTtlMs } from '../runtime/state-ttl';
import { aggregateText } from './changelog-mode';
import { durationText } from './duration-text';
import type { AggregateCall, LogicalNode, WindowSpec } from './logical-plan';
import type { OverFrame } from './over-plan';
import type { PhysicalOperator } from './physical-plan';

/**
 * What an operator keeps between records: nothing, state partitioned by key (it moves with the
 * key's hash, and `table.exec.state.ttl` may expire it), or state of each subtask as a whole.
 */
export interface OperatorState {
  scope: 'none' | 'keyed' | 'subtask';
  /** One line: what is kept, per what, and until when. */
  description: string;
  /** The columns the state is keyed by, by name (empty unless `scope` is `keyed`, and for a global key). */
  keys: string[];
  /** Idle keys are dropped after this long (`table.exec.state.ttl`); null when kept until they are done with. */
  ttlMs: number | null;
}

/** What the state description needs beyond the operator: its inputs' column names and the session. */
export interface StateContext {
  /** Column names of input `index` (0, or 1 for a join's right side). */
  inputNames(index: number): string[];
  config: Record<string, string>;
  connectors: ConnectorRegistry;
}

const NONE: OperatorState = { scope: 'none', description: 'none', keys: [], ttlMs: null };

/** The keyed state an operator keeps, described from its plan config as its runtime operator keeps it. */
export function operatorState(operator: PhysicalOperator, context: StateContext): OperatorState {
  // A physical operator keeps its node's kind and config apart; joined again they narrow together.
  const op = { id: operator.id, kind: operator.kind, config: operator.config, inputs: [] } as LogicalNode;
  const names = (indexes: number[], input = 0) => indexes.map((i) => context.inputNames(input)[i] ?? `$${i}`);
  const ttlMs = stateTtlMs(context.config) ?? null;
  const keyed = (description: string, keys: string[], ttl: number | null = null): OperatorState => ({
    scope: 'keyed',
    description: `${description}${ttl === null ? '' : `; idle keys dropped after ${durationText(ttl)} (table.exec.state.ttl)`}`,
    keys,
    ttlMs: ttl,
  });
  switch (op.kind) {
    case 'calc':
    case 'union':
    case 'expand':
    case 'values':
    case 'window_table_function':
      return NONE;
    case 'local_group_aggregate':
      return { ...NONE, description: 'none: partial accumulators per key are buffered for one mini-batch and flushed before every checkpoint' };
    case 'table_source':
      return { scope: 'subtask', description: 'read position of each split, checkpointed so a restore resumes after the last row read', keys: [], ttlMs: null };
    case 'table_sink':
      return sinkState(op.config.connector, op.config.options);
    case 'group_aggregate':
    case 'global_group_aggregate': {
      const { keys, aggs, inputNames, inputHasUpdates } = op.config;
      const keyNames = keys.map((k) => inputNames[k] ?? `$${k}`);
      const what = aggs.length === 0 ? 'an entry' : `${inputHasUpdates ? 'retractable ' : ''}accumulators of ${accumulators(aggs, inputNames)}`;
      return keyed(keyNames.length > 0 ? `${what} per group key [${keyNames.join(', ')}]` : `${what} for the one global group`, keyNames, ttlMs);
    }
    case 'window_aggregate': {
      const { keys, aggs, inputNames, window, attached, timeAttribute } = op.config;
      const keyNames = keys.map((k) => inputNames[k] ?? `$${k}`);
      const windowText = attached ? `upstream window [${inputNames[attached.startIndex]}, ${inputNames[attached.endIndex]})` : windowSpecText(window);
      const what = aggs.length === 0 ? 'an entry' : `accumulators of ${accumulators(aggs, inputNames)}`;
      return keyed(`${what} per ${keyNames.length > 0 ? `key [${keyNames.join(', ')}] and ` : ''}${windowText}, until the window fires at the ${clockName(timeAttribute)}`, keyNames);
    }
    case 'join': {
      const { leftKeys, rightKeys, joinType } = op.config;
      const outer = joinType === 'INNER' ? '' : ' with their match counts';
      return keyed(`rows of both sides per join key: left [${names(leftKeys, 0).join(', ')}], right [${names(rightKeys, 1).join(', ')}]${outer}`, names(leftKeys, 0), ttlMs);
    }
    case 'semi_join':
    case 'anti_join': {
      const { leftKeys, rightKeys } = op.config;
      if (leftKeys.length === 0) return keyed('every left row with its match count and every right row (no equality to key them by)', [], ttlMs);
      return keyed(`left rows per key [${names(leftKeys, 0).join(', ')}] with their match counts, right rows per key [${names(rightKeys, 1).join(', ')}]`, names(leftKeys, 0), ttlMs);
    }
    case 'interval_join': {
      const { leftKeys, rightKeys, lowerMs, upperMs, leftTime, rightTime } = op.config;
      const right = `R.${names([rightTime], 1)[0]}`;
      const bound = `${shifted(right, lowerMs)} <= L.${names([leftTime], 0)[0]} <= ${shifted(right, upperMs)}`;
      return keyed(`rows of both sides per join key (left [${names(leftKeys, 0).join(', ')}], right [${names(rightKeys, 1).join(', ')}]) within the interval ${bound}, dropped once the watermark passes it`, names(leftKeys, 0));
    }
    case 'temporal_join': {
      const { leftKeys, rightKeys } = op.config;
      return keyed(`left rows per key [${names(leftKeys, 0).join(', ')}] until the watermark reaches them, and the versions of the right side per key [${names(rightKeys, 1).join(', ')}] back to the one valid at the watermark`, names(leftKeys, 0));
    }
    case 'window_join': {
      const { leftKeys, rightKeys } = op.config;
      const perKey = leftKeys.length === 0 ? 'per window' : `per window and join key (left [${names(leftKeys, 0).join(', ')}], right [${names(rightKeys, 1).join(', ')}])`;
      return keyed(`rows of both sides ${perKey} until the window fires at the watermark`, names(leftKeys, 0));
    }
    case 'rank': {
      const { keys, rankEnd, inputHasUpdates } = op.config;
      const partition = keys.length === 0 ? 'of the one partition' : `per partition key [${names(keys).join(', ')}]`;
      const what = inputHasUpdates ? `every row ${partition} (its input retracts, so rows below the top ${rankEnd} may move up)` : `the top ${rankEnd} ${rankEnd === 1 ? 'row' : 'rows'} ${partition}`;
      return keyed(what, names(keys), ttlMs);
    }
    case 'deduplicate':
      return keyed(`the ${op.config.keepLast ? 'last' : 'first'} row per key [${names(op.config.keys).join(', ')}]`, names(op.config.keys), ttlMs);
    case 'window_rank': {
      const { keys, rankEnd } = op.config;
      return keyed(`rows per window${keys.length === 0 ? '' : ` and partition key [${names(keys).join(', ')}]`} until the window fires at the watermark, then its top ${rankEnd}`, names(keys));
    }
    case 'window_deduplicate': {
      const { keys, keepLast } = op.config;
      return keyed(`the ${keepLast ? 'last' : 'first'} row per window${keys.length === 0 ? '' : ` and key [${names(keys).join(', ')}]`} until the window fires at the watermark`, names(keys));
    }
    case 'over_aggregate': {
      const { keys, frame, timeAttribute, aggs } = op.config;
      const partition = keys.length > 0 ? `per partition key [${names(keys).join(', ')}]` : 'for the one partition';
      const waiting = timeAttribute === 'rowtime' ? ', and rows waiting for the watermark' : '';
      const what = frame.preceding === null ? `accumulators of ${accumulators(aggs, op.config.inputNames)}` : `the rows of the frame (${frameText(frame)})`;
      return keyed(`${what} ${partition}${waiting}`, names(keys));
    }
    case 'lookup_join':
      return lookupState(op.config.connector, op.config.options, op.config.dimKeys.map((k) => op.config.dimFields[k]?.name ?? `$${k}`), context.connectors);
  }
}

function sinkState(connector: string, options: Record<string, string>): OperatorState {
  if (connector === 'filesystem') {
    return { scope: 'subtask', description: 'in-progress part files, staged at each checkpoint and published when it completes (two-phase commit, under exactly-once checkpointing)', keys: [], ttlMs: null };
  }
  if (options['sink.delivery-guarantee'] === 'exactly-once') {
    return { scope: 'subtask', description: 'what it wrote since the last checkpoint, staged at each checkpoint and committed when it completes (two-phase commit, under exactly-once checkpointing)', keys: [], ttlMs: null };
  }
  return { ...NONE, description: 'none: writes through (at least once under checkpointing)' };
}

function lookupState(connectorName: string, options: Record<string, string>, dimKeys: string[], connectors: ConnectorRegistry): OperatorState {
  const { spec } = readLookupCacheSpec(options, connectors.get(connectorName)?.defaultLookupCache ?? 'NONE');
  if (spec.kind === 'NONE') return { ...NONE, description: 'none: every key is looked up in the dimension table (lookup.cache NONE)' };
  if (spec.kind === 'FULL') {
    return { scope: 'subtask', description: `the whole dimension table by lookup key [${dimKeys.join(', ')}], ${spec.reloadIntervalMs === null ? 'loaded once' : `reloaded every ${durationText(spec.reloadIntervalMs)}`} (lookup.cache FULL)`, keys: [], ttlMs: null };
  }
  const limits = [
    Number.isFinite(spec.maxRows) ? `up to ${spec.maxRows} ${spec.maxRows === 1 ? 'row' : 'rows'}` : 'unbounded',
    ...(spec.expireAfterWriteMs === null ? [] : [`expire ${durationText(spec.expireAfterWriteMs)} after write`]),
    ...(spec.expireAfterAccessMs === null ? [] : [`expire ${durationText(spec.expireAfterAccessMs)} after access`]),
    ...(spec.cacheMissingKey ? ['misses cached'] : []),
  ];
  return { scope: 'subtask', description: `a cache of dimension rows per lookup key [${dimKeys.join(', ')}]: ${limits.join(', ')} (lookup.cache PARTIAL)`, keys: [], ttlMs: null };
}

function accumulators(aggs: AggregateCall[], inputNames: string[]): string {
  return aggs.map((a) => aggregateText(a, inputNames)).join(', ');
}

function windowSpecText(window: WindowSpec): string {
  switch (window.kind) {
    case 'tumble': return `TUMBLE window (size ${durationText(window.sizeMs)})`;
    case 'hop': return `HOP window (size ${durationText(window.sizeMs)}, slide ${durationText(window.slideMs)})`;
    case 'cumulate': return `CUMULATE window (max size ${durationText(window.maxSizeMs)}, step ${durationText(window.stepMs)})`;
    case 'session': return `SESSION window (gap ${durationText(window.gapMs)})`;
  }
}

function frameText(frame: OverFrame): string {
  return frame.unit === 'ROWS' ? `ROWS ${frame.preceding} PRECEDING` : `RANGE ${durationText(frame.preceding ?? 0)} PRECEDING`;
}

function clockName(time: 'rowtime' | 'proctime'): string {
  return time === 'rowtime' ? 'watermark' : 'processing time';
}

function shifted(column: string, ms: number): string {
  return ms === 0 ? column : ms < 0 ? `${column} - ${durationText(-ms)}` : `${column} + ${durationText(ms)}`;
}
