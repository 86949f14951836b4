import { redactSecrets, substituteSecrets, substituteSecretsInValue, WeirError, type DeploymentRunPayload } from '@weir/contracts';
import { decryptSecret, type SecretKeyring } from '@weir/contracts/secret-box';

/** A run's payload with its secrets in place, and the values to keep out of logs and errors. */
export interface ResolvedSecrets<P> {
  payload: P;
  values: string[];
}

/** What of a payload carries secret references: its SQL and its pinned catalog tables' options. */
type WithSecrets = Pick<DeploymentRunPayload, 'sql' | 'secrets' | 'catalogTables'>;

/**
 * Decrypts the payload's secrets and substitutes them into the SQL and the options of its catalog tables. Only this worker ever holds
 * the values; the thread gets the substituted SQL and the payload no ciphertexts.
 */
export function resolveRunSecrets<P extends WithSecrets>(payload: P, keyring: SecretKeyring): ResolvedSecrets<P> {
  const values = new Map(payload.secrets.map((secret) => [secret.name, decryptSecret(keyring, secret)]));
  try {
    const catalogTables = payload.catalogTables.map((table) => ({ ...table, options: Object.fromEntries(Object.entries(table.options).map(([key, value]) => [key, substituteSecretsInValue(value, values)])) }));
    return { payload: { ...payload, sql: substituteSecrets(payload.sql, values), catalogTables, secrets: [] }, values: [...values.values()] };
  } catch (error) {
    // A secret deleted after the deploy: the run cannot start until it is set again.
    throw new WeirError('SQL_INVALID', error instanceof Error ? error.message : String(error), { domain: 'user' });
  }
}

/** The error with every secret value in its message, stack and causes replaced by `***`. */
export function redactError(error: unknown, values: string[]): unknown {
  if (values.length === 0 || !(error instanceof Error)) return error;
  const redacted = new Error(redactSecrets(error.message, values), error.cause === undefined ? {} : { cause: redactError(error.cause, values) });
  redacted.name = error.name;
  redacted.stack = redactSecrets(error.stack ?? '', values);
  for (const key of ['code', 'domain', 'details'] as const) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (value !== undefined) (redacted as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value : JSON.parse(redactSecrets(JSON.stringify(value), values));
  }
  return redacted;
}
