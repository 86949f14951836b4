import { StateMap } from './state-map';

/**
 * Keyed operator state. Every operator keeps its state here, never in closures or fields, so a
 * snapshot captures a job completely. A namespace is a map from a primitive key (a number, or a
 * string the operator builds once per row for composite keys) to a value the operator may mutate
 * in place, as Flink's heap backend allows.
 */
export interface StateBackend {
  get(namespace: string, key: StateKey): unknown;
  put(namespace: string, key: StateKey, value: unknown): void;
  delete(namespace: string, key: StateKey): void;
  /** The live map of one namespace, for operators that touch state once per row on the hot path. */
  namespace<V>(name: string): Map<StateKey, V>;
  /** A serializable copy of all state, for checkpoints and savepoints. */
  snapshot(): StateSnapshot;
  /** Replaces all state with a snapshot taken earlier. */
  restore(snapshot: StateSnapshot): void;
}

export type StateKey = string | number | boolean | null;

export interface StateSnapshot {
  version: 1;
  entries: [namespace: string, key: StateKey, value: unknown][];
}

/** Heap state, one `StateMap` per namespace; the default backend, one per operator subtask. */
export class MemoryStateBackend implements StateBackend {
  private readonly maps = new Map<string, StateMap<unknown>>();
  private tracking = false;

  get(namespace: string, key: StateKey): unknown {
    return this.maps.get(namespace)?.get(key);
  }

  put(namespace: string, key: StateKey, value: unknown): void {
    this.namespace(namespace).set(key, value);
  }

  delete(namespace: string, key: StateKey): void {
    this.maps.get(namespace)?.delete(key);
  }

  namespace<V>(name: string): StateMap<V> {
    let map = this.maps.get(name);
    if (!map) {
      map = new StateMap();
      if (this.tracking) map.trackChanges();
      this.maps.set(name, map);
    }
    return map as StateMap<V>;
  }

  /** Records changed keys in every namespace, present and future, for incremental checkpoints. */
  trackChanges(): void {
    this.tracking = true;
    for (const map of this.maps.values()) map.trackChanges();
  }

  /** Every namespace with its map, for checkpoints (which snapshot each map in steps). */
  namespaces(): IterableIterator<[string, StateMap<unknown>]> {
    return this.maps.entries();
  }

  snapshot(): StateSnapshot {
    const entries: StateSnapshot['entries'] = [];
    for (const [namespace, map] of this.maps) for (const [key, value] of map) entries.push([namespace, key, structuredClone(value)]);
    return { version: 1, entries };
  }

  restore(snapshot: StateSnapshot): void {
    for (const map of this.maps.values()) map.clear();
    for (const [namespace, key, value] of snapshot.entries) this.put(namespace, key, structuredClone(value));
  }
}
