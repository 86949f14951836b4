import { EngineError } from '../../errors';
import type { LookupSource } from '../../connectors/connector';
import type { LookupCacheSpec } from '../../connectors/lookup-options';
import type { Row } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';

interface CachedRows {
  rows: Row[];
  writtenAtMs: number;
  accessedAtMs: number;
}

/** Where a cache keeps its entries (a StateBackend namespace) and the FULL cache's load time. */
export interface LookupCacheState {
  entries: Map<StateKey, CachedRows>;
  get(): number | undefined;
  set(loadedAtMs: number): void;
}

/**
 * The lookup join's cache in front of a connector, as Flink's LookupOptions configure it:
 * NONE asks the source every time; PARTIAL keeps up to `max-rows` keys (least recently used
 * evicted first; a Map keeps them in use order), each dropped `expire-after-write` after it was
 * loaded or `expire-after-access` after its last use, and keys without rows only with
 * `cache-missing-key`; FULL loads the whole table once, indexes it by key and reloads it every
 * `periodic-reload.interval`. A source answering with a promise gets a promise back.
 */
export class LookupCache {
  constructor(
    private readonly spec: LookupCacheSpec,
    private readonly source: LookupSource,
    private readonly state: LookupCacheState,
    /** Key of a dimension row (FULL indexing); keys of lookups are built by `keyOf`. */
    private readonly dimKeyOf: (row: Row) => StateKey,
    private readonly keyOf: (key: Row) => StateKey,
    private readonly now: () => number,
  ) {}

  /** Answers a batch of lookups; synchronously when the source and the cache allow it. */
  getAll(keys: Row[]): Row[][] | Promise<Row[][]> {
    if (this.spec.kind === 'FULL') {
      const loaded = this.ensureLoaded();
      return loaded ? loaded.then(() => keys.map((key) => this.fromIndex(key))) : keys.map((key) => this.fromIndex(key));
    }
    const answers = keys.map((key) => this.get(key));
    return answers.some((a) => a instanceof Promise) ? Promise.all(answers) : (answers as Row[][]);
  }

  private get(key: Row): Row[] | Promise<Row[]> {
    if (this.spec.kind === 'NONE') return this.source.lookup(key);
    const spec = this.spec as Extract<LookupCacheSpec, { kind: 'PARTIAL' }>;
    const id = this.keyOf(key);
    const now = this.now();
    const entries = this.state.entries;
    const cached = entries.get(id);
    if (cached) {
      entries.delete(id);
      const expired = (spec.expireAfterWriteMs !== null && now - cached.writtenAtMs >= spec.expireAfterWriteMs)
        || (spec.expireAfterAccessMs !== null && now - cached.accessedAtMs >= spec.expireAfterAccessMs);
      if (!expired) {
        cached.accessedAtMs = now;
        entries.set(id, cached);
        return cached.rows;
      }
    }
    const store = (rows: Row[]): Row[] => {
      if (rows.length === 0 && !spec.cacheMissingKey) return rows;
      entries.set(id, { rows, writtenAtMs: now, accessedAtMs: now });
      for (const oldest of entries.keys()) {
        if (entries.size <= spec.maxRows) break;
        entries.delete(oldest);
      }
      return rows;
    };
    const rows = this.source.lookup(key);
    return rows instanceof Promise ? rows.then(store) : store(rows);
  }

  private ensureLoaded(): Promise<void> | undefined {
    const spec = this.spec as Extract<LookupCacheSpec, { kind: 'FULL' }>;
    const loadedAt = this.state.get();
    const now = this.now();
    if (loadedAt !== undefined && (spec.reloadIntervalMs === null || now - loadedAt < spec.reloadIntervalMs)) return undefined;
    if (!this.source.loadAll) throw new EngineError("this lookup table cannot be read whole, so it cannot use 'lookup.cache' = 'FULL'", { code: 'LOOKUP_CACHE_UNSUPPORTED', domain: 'user' });
    const load = this.source.loadAll();
    const index = (rows: Row[]): void => {
      const entries = this.state.entries;
      entries.clear();
      for (const row of rows) {
        const id = this.dimKeyOf(row);
        const cached = entries.get(id);
        if (cached) cached.rows.push(row);
        else entries.set(id, { rows: [row], writtenAtMs: now, accessedAtMs: now });
      }
      this.state.set(now);
    };
    if (load instanceof Promise) return load.then(index);
    index(load);
    return undefined;
  }

  private fromIndex(key: Row): Row[] {
    return this.state.entries.get(this.keyOf(key))?.rows ?? [];
  }
}
