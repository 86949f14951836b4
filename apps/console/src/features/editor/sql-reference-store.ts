import type { SqlReference } from '@weir/contracts';

/**
 * The engine's reference (functions, connectors, SET keys) as completion and hover know it.
 * Monaco's providers are registered once for the language, so the editor hands them what it
 * loaded here rather than through props.
 */
let reference: SqlReference = { functions: [], connectors: [], sessionOptions: [] };

/** Replaces the reference the providers use. */
export function setSqlReference(next: SqlReference): void {
  reference = next;
}

/** The reference the providers use. */
export function sqlReferenceNow(): SqlReference {
  return reference;
}
