import { readLookupCacheSpec } from '../../connectors/lookup-options';
import { EngineError } from '../../errors';
import type { LookupSource } from '../../connectors/connector';
import type { LookupJoinConfig } from '../../plan/logical-plan';
import { compileCalc, type CalcFunction } from '../../runtime/compile-calc';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import type { Row, RowBatch, RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { compileCondition, type Condition } from './join';
import { LookupCache } from './lookup-cache';

/** Work waiting behind an unanswered asynchronous lookup, kept in arrival order. */
type Queued = { batch: RowBatch; kinds: RowKinds | undefined } | { watermark: number };

/**
 * A lookup join (plan kind `lookup_join`), Flink's LookupJoinRunner: each input row's key is looked
 * up in the dimension table through the connector (behind the `lookup.cache` cache) and the row is
 * joined with every dimension row found that satisfies the rest of the condition; LEFT keeps rows
 * without a match, padded with NULLs. The input's row kinds pass through. The lookups of one batch
 * go out together (each distinct key once); when the source answers with a promise, later batches
 * and watermarks wait in order behind it and `pending()` lets the runner yield until it settles.
 */
export class LookupJoin implements StreamOperator {
  private readonly keysOf: CalcFunction;
  private readonly condition: Condition | undefined;
  private readonly cache: LookupCache;
  private readonly queue: Queued[] = [];
  private inFlight: Promise<void> | null = null;
  private readonly source: LookupSource;

  constructor(
    private readonly config: LookupJoinConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.keysOf = compileCalc({ projection: config.keyExprs, filter: null, fields: [] });
    this.condition = config.condition ? compileCondition(config.condition) : undefined;
    const connector = context.connectors.require(config.connector);
    if (!connector.createLookup) throw new EngineError(`connector '${config.connector}' cannot be a lookup table`, { code: 'CONNECTOR_ROLE', domain: 'user' });
    const source = (this.source = connector.createLookup({ table: config.table, options: config.options, fields: config.dimFields, lookupKeys: config.dimKeys }));
    const { spec } = readLookupCacheSpec(config.options, connector.defaultLookupCache ?? 'NONE');
    const namespace = `lookup_join:${operatorId}`;
    const dimKeys = config.dimKeys;
    this.cache = new LookupCache(spec, source, {
      entries: context.state.namespace(`${namespace}:cache`),
      get: () => context.state.get(namespace, 'loadedAt') as number | undefined,
      set: (loadedAtMs) => context.state.put(namespace, 'loadedAt', loadedAtMs),
    }, (row) => JSON.stringify(dimKeys.map((k) => row[k])), (key) => JSON.stringify(key), () => context.now());
  }

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    if (this.inFlight) this.queue.push({ batch, kinds });
    else this.lookup(batch, kinds);
  }

  processWatermark(watermarkMs: number): void {
    if (this.inFlight) this.queue.push({ watermark: watermarkMs });
    else this.output.emitWatermark(watermarkMs);
  }

  /** Settles once every queued batch has been answered, not just the lookup under way. */
  pending(): Promise<void> | null {
    return this.inFlight ? this.inFlight.then(() => this.pending() ?? undefined) : null;
  }

  finish(): void {}

  async close(): Promise<void> {
    await this.source.close?.();
  }

  private lookup(batch: RowBatch, kinds: RowKinds | undefined): void {
    const keys = this.keysOf(batch);
    const distinct = new Map<StateKey, number>();
    const keyIndex: number[] = [];
    const lookups: Row[] = [];
    for (const key of keys) {
      // SQL equality: a NULL key matches no dimension row.
      if (key.some((value) => value === null)) {
        keyIndex.push(-1);
        continue;
      }
      const id = JSON.stringify(key);
      let index = distinct.get(id);
      if (index === undefined) {
        index = lookups.length;
        distinct.set(id, index);
        lookups.push(key);
      }
      keyIndex.push(index);
    }
    const answers = this.cache.getAll(lookups);
    if (!(answers instanceof Promise)) {
      this.join(batch, kinds, keyIndex, answers);
      return;
    }
    this.inFlight = answers.then((resolved) => {
      this.inFlight = null;
      this.join(batch, kinds, keyIndex, resolved);
      this.drain();
    });
  }

  // Replays what arrived during a lookup, stopping again at the next one that has to wait.
  private drain(): void {
    while (!this.inFlight) {
      const next = this.queue.shift();
      if (!next) return;
      if ('watermark' in next) this.output.emitWatermark(next.watermark);
      else this.lookup(next.batch, next.kinds);
    }
  }

  private join(batch: RowBatch, kinds: RowKinds | undefined, keyIndex: number[], answers: Row[][]): void {
    const rows: RowBatch = [];
    const outKinds: RowKinds = [];
    const dimWidth = this.config.dimFields.length;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const found = keyIndex[i] < 0 ? [] : answers[keyIndex[i]];
      let matched = false;
      for (const dim of found) {
        const joined = row.concat(dim);
        if (this.condition && !this.condition(joined)) continue;
        matched = true;
        rows.push(joined);
        if (kinds) outKinds.push(kinds[i]);
      }
      if (!matched && this.config.joinType === 'LEFT') {
        rows.push(row.concat(new Array(dimWidth).fill(null)));
        if (kinds) outKinds.push(kinds[i]);
      }
    }
    if (rows.length === 0) return;
    this.metrics.recordsOut += rows.length;
    this.output.emit(rows, kinds ? outKinds : undefined);
  }
}

export const createLookupJoin: OperatorFactory = (operator, context, output, metrics) => new LookupJoin(operator.config as LookupJoinConfig, context, output, metrics, operator.id);
