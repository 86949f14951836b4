import type { StateBackend } from './state-backend';

/**
 * One value of operator state that is not keyed (an operator's current watermark or time), kept in
 * the backend so checkpoints capture it like keyed state.
 */
export class StateValue<T> {
  private readonly cell: Map<number, T>;

  constructor(state: StateBackend, namespace: string, private readonly initial: T) {
    this.cell = state.namespace<T>(namespace) as Map<number, T>;
  }

  get(): T {
    const value = this.cell.get(0);
    return value === undefined ? this.initial : value;
  }

  set(value: T): void {
    this.cell.set(0, value);
  }
}
