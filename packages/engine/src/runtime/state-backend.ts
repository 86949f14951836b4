/**
 * Keyed operator state. Every operator keeps its state here, never in closures or fields, so a
 * snapshot captures a job completely. Keys are strings built by the operator (namespace + key).
 */
export interface StateBackend {
  get(namespace: string, key: string): unknown;
  put(namespace: string, key: string, value: unknown): void;
  delete(namespace: string, key: string): void;
  /** A serializable copy of all state, for checkpoints and savepoints. */
  snapshot(): StateSnapshot;
  /** Replaces all state with a snapshot taken earlier. */
  restore(snapshot: StateSnapshot): void;
}

export interface StateSnapshot {
  version: 1;
  entries: [namespace: string, key: string, value: unknown][];
}

/** Heap state, one map per namespace; the default backend. */
export class MemoryStateBackend implements StateBackend {
  private readonly namespaces = new Map<string, Map<string, unknown>>();

  get(namespace: string, key: string): unknown {
    return this.namespaces.get(namespace)?.get(key);
  }

  put(namespace: string, key: string, value: unknown): void {
    let map = this.namespaces.get(namespace);
    if (!map) {
      map = new Map();
      this.namespaces.set(namespace, map);
    }
    map.set(key, value);
  }

  delete(namespace: string, key: string): void {
    this.namespaces.get(namespace)?.delete(key);
  }

  snapshot(): StateSnapshot {
    const entries: StateSnapshot['entries'] = [];
    for (const [namespace, map] of this.namespaces) for (const [key, value] of map) entries.push([namespace, key, structuredClone(value)]);
    return { version: 1, entries };
  }

  restore(snapshot: StateSnapshot): void {
    this.namespaces.clear();
    for (const [namespace, key, value] of snapshot.entries) this.put(namespace, key, structuredClone(value));
  }
}
