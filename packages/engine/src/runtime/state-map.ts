import type { StateKey } from './state-backend';

/** A key in a delta that no longer exists (the delta deletes it on restore). */
export const TOMBSTONE: unique symbol = Symbol('tombstone');

/** One entry as a snapshot writes it: `[key, value]`, or `[key]` when a delta deletes the key. */
export type SnapshotEntry = [key: StateKey, value: unknown] | [key: StateKey];

/** The bookkeeping of one snapshot being written from a namespace (see `StateMap`). */
interface FrozenView {
  /** Keys whose snapshot value is settled: written already, or saved in `saved` before their first change. */
  readonly touched: Set<StateKey>;
  /** Values keys had when the snapshot began, copied at their first touch while it was being written. */
  readonly saved: Map<StateKey, unknown>;
  /** Delta snapshots: the keys touched since the previous checkpoint (the only ones written); null for full snapshots. */
  readonly deltaKeys: Set<StateKey> | null;
}

/**
 * The keyed state of one namespace: a Map operators use directly on the hot path, mutating values
 * in place. Two kinds of bookkeeping make checkpoints cheap, each costing a branch when off:
 * - change tracking (incremental checkpoints): keys read or written since the last checkpoint are
 *   recorded, a read counting as a change because the caller may mutate the value it got;
 * - copy-on-write while a snapshot is written (asynchronous checkpoints): the writer walks the
 *   entries between batches, and a key touched before the writer reached it first has its value
 *   copied, so the snapshot holds every value as it was at the cut.
 * Values must therefore only be changed right after they were obtained from the map (get, set or
 * iteration) in the same synchronous turn, never through a reference kept from an earlier batch.
 */
export class StateMap<V> extends Map<StateKey, V> {
  private guarding = false;
  private dirty: Set<StateKey> | null = null;
  private frozen: FrozenView | null = null;

  override get(key: StateKey): V | undefined {
    if (this.guarding) this.guard(key);
    return super.get(key);
  }

  override set(key: StateKey, value: V): this {
    if (this.guarding) this.guard(key);
    return super.set(key, value);
  }

  override delete(key: StateKey): boolean {
    if (this.guarding) this.guard(key);
    return super.delete(key);
  }

  override clear(): void {
    if (this.guarding) for (const key of super.keys()) this.guard(key);
    super.clear();
  }

  override forEach(callback: (value: V, key: StateKey, map: Map<StateKey, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  override entries(): MapIterator<[StateKey, V]> {
    return this.guarding ? this.guardedEntries() : super.entries();
  }

  override values(): MapIterator<V> {
    return this.guarding ? this.guardedValues() : super.values();
  }

  override [Symbol.iterator](): MapIterator<[StateKey, V]> {
    return this.entries();
  }

  /** Starts recording changed keys, for incremental checkpoints. */
  trackChanges(): void {
    this.dirty ??= new Set();
    this.updateGuarding();
  }

  /** Whether changes are being recorded. */
  get tracksChanges(): boolean {
    return this.dirty !== null;
  }

  /** Puts keys back among the changed ones (the delta that was to write them was aborted). */
  markChanged(keys: Iterable<StateKey>): void {
    if (this.dirty) for (const key of keys) this.dirty.add(key);
  }

  /** Fills the map from a snapshot, bypassing the bookkeeping (restore happens before any processing). */
  load(entries: Iterable<SnapshotEntry>): void {
    for (const entry of entries) {
      if (entry.length === 1) super.delete(entry[0]);
      else super.set(entry[0], entry[1] as V);
    }
  }

  /**
   * Begins a snapshot of the map as it is now: a full one, or (`delta`) one of the keys changed
   * since the previous delta began, whose change record starts afresh. Returns the writer, which
   * the caller drives with `step` until it is done or aborted; only one snapshot at a time.
   */
  beginSnapshot(delta: boolean): NamespaceSnapshotWriter {
    if (this.frozen) throw new Error('a snapshot of this state is already being written');
    let deltaKeys: Set<StateKey> | null = null;
    if (delta) {
      deltaKeys = this.dirty ?? new Set();
      this.dirty = new Set();
    } else if (this.dirty && !delta) {
      // A full checkpoint is the base of the next delta: it starts the change record afresh too.
      this.dirty = new Set();
    }
    this.frozen = { touched: new Set(), saved: new Map(), deltaKeys };
    this.updateGuarding();
    return new NamespaceSnapshotWriter(this, this.frozen, deltaKeys === null ? super.entries() : deltaKeys.values());
  }

  /** A snapshot that leaves the change record alone (savepoints: the checkpoint chain goes on). */
  beginDetachedSnapshot(): NamespaceSnapshotWriter {
    if (this.frozen) throw new Error('a snapshot of this state is already being written');
    this.frozen = { touched: new Set(), saved: new Map(), deltaKeys: null };
    this.updateGuarding();
    return new NamespaceSnapshotWriter(this, this.frozen, super.entries());
  }

  /** @internal The writer's view of the live entries, without bookkeeping. */
  rawHas(key: StateKey): boolean {
    return super.has(key);
  }

  /** @internal */
  rawGet(key: StateKey): V | undefined {
    return super.get(key);
  }

  /** @internal Ends the snapshot `view` (written or aborted); an aborted delta gives its keys back to the change record. */
  endSnapshot(view: FrozenView, aborted: boolean): void {
    if (this.frozen !== view) return;
    this.frozen = null;
    if (aborted && view.deltaKeys) this.markChanged(view.deltaKeys);
    this.updateGuarding();
  }

  private updateGuarding(): void {
    this.guarding = this.dirty !== null || this.frozen !== null;
  }

  private guard(key: StateKey): void {
    this.dirty?.add(key);
    const view = this.frozen;
    if (view === null || view.touched.has(key)) return;
    view.touched.add(key);
    if (view.deltaKeys !== null && !view.deltaKeys.has(key)) return;
    if (super.has(key)) view.saved.set(key, copyValue(super.get(key)));
    else if (view.deltaKeys !== null) view.saved.set(key, TOMBSTONE);
  }

  private *guardedValues(): MapIterator<V> {
    for (const [, value] of this.guardedEntries()) yield value;
  }

  private *guardedEntries(): MapIterator<[StateKey, V]> {
    for (const entry of super.entries()) {
      this.guard(entry[0]);
      yield entry;
    }
  }
}

/**
 * Writes one namespace's snapshot in steps between batches. A key is written live when the
 * writer reaches it before anyone touched it (then its value is still the one at the cut), else
 * from the copy saved at its first touch; keys born after the cut are skipped.
 */
export class NamespaceSnapshotWriter {
  private done = false;
  private savedWritten = false;

  constructor(
    private readonly map: StateMap<unknown>,
    private readonly view: FrozenView,
    private readonly pending: Iterator<[StateKey, unknown]> | Iterator<StateKey>,
  ) {}

  /** Whether every entry was handed out. */
  get finished(): boolean {
    return this.done;
  }

  /**
   * Hands up to `budget` entries to `out`, which must serialize them before returning (a live value
   * may change as soon as processing resumes). Returns how many it handed out.
   */
  step(budget: number, out: (entry: SnapshotEntry) => void): number {
    let count = 0;
    const { touched, saved, deltaKeys } = this.view;
    while (count < budget && !this.done) {
      const next = this.pending.next();
      if (next.done) {
        if (!this.savedWritten) {
          this.savedWritten = true;
          for (const [key, value] of saved) {
            out(value === TOMBSTONE ? [key] : [key, value]);
            count++;
          }
        }
        this.done = true;
        this.map.endSnapshot(this.view, false);
        break;
      }
      const key = deltaKeys === null ? (next.value as [StateKey, unknown])[0] : (next.value as StateKey);
      if (touched.has(key)) continue;
      touched.add(key);
      if (this.map.rawHas(key)) out([key, this.map.rawGet(key)]);
      else if (deltaKeys !== null) out([key]);
      else continue;
      count++;
    }
    return count;
  }

  /** Gives up the snapshot; the map stops copying for it. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.map.endSnapshot(this.view, true);
  }
}

/** A deep copy of a state value (arrays, plain objects, Maps, Sets, primitives), as the snapshot will hold it. */
function copyValue(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}
