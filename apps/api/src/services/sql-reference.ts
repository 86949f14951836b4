import { allConnectors } from '@weir/connectors';
import { SqlReference } from '@weir/contracts';
import { sqlReference } from '@weir/engine';

let cached: SqlReference | undefined;

/** The engine's reference for the editor, with every connector the workers run; built once, it never changes while the API runs. */
export function editorReference(): SqlReference {
  cached ??= SqlReference.parse(sqlReference(allConnectors()));
  return cached;
}
