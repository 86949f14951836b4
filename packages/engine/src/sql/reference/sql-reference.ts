import type { ConnectorRegistry } from '../../connectors/connector-registry';
import { connectorReference, type ConnectorReference } from './connector-reference';
import { functionReference, type FunctionReference } from './function-reference';
import { sessionOptionReference, type SessionOptionReference } from './session-option-reference';

/** What the SQL editor knows beyond the grammar: functions, connectors with their options, SET keys. */
export interface SqlReference {
  functions: FunctionReference[];
  connectors: ConnectorReference[];
  sessionOptions: SessionOptionReference[];
}

/** The engine's knowledge for completion, hover and signature help, with the connectors of `registry`. */
export function sqlReference(registry: ConnectorRegistry): SqlReference {
  return { functions: functionReference(), connectors: connectorReference(registry), sessionOptions: sessionOptionReference() };
}
