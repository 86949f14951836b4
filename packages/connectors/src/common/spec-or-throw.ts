import { EngineError, type ConnectorProblem } from '@weir/engine';

/** A table's parsed options, or its first problem as an error (validation reported them all before a run). */
export function specOrThrow<S>(table: string, read: { spec: S; problems: ConnectorProblem[] }): S {
  const first = read.problems[0];
  if (first) throw new EngineError(`table '${table}': ${first.message}`, { code: first.code, domain: 'user' });
  return read.spec;
}
