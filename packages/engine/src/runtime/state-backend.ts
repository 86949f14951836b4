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

/** Heap state, one map per namespace; the default backend. */
export class MemoryStateBackend implements StateBackend {
  private readonly namespaces = new Map<string, Map<StateKey, unknown>>();

  get(namespace: string, key: StateKey): unknown {
    return this.namespaces.get(namespace)?.get(key);
  }

  put(namespace: string, key: StateKey, value: unknown): void {
    this.namespace(namespace).set(key, value);
  }

  delete(namespace: string, key: StateKey): void {
    this.namespaces.get(namespace)?.delete(key);
  }

  namespace<V>(name: string): Map<StateKey, V> {
    let map = this.namespaces.get(name);
    if (!map) {
      map = new Map();
      this.namespaces.set(name, map);
    }
    return map as Map<StateKey, V>;
  }

  snapshot(): StateSnapshot {
    const entries: StateSnapshot['entries'] = [];
    for (const [namespace, map] of this.namespaces) for (const [key, value] of map) entries.push([namespace, key, structuredClone(value)]);
    return { version: 1, entries };
  }

  restore(snapshot: StateSnapshot): void {
    for (const map of this.namespaces.values()) map.clear();
    for (const [namespace, key, value] of snapshot.entries) this.put(namespace, key, structuredClone(value));
  }
}
