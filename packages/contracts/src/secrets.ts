import { z } from 'zod';

/** A secret's name as `${secret.NAME}` references it. */
export const SecretName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'must be letters, digits and _, starting with a letter or _ (at most 100)');

export const SecretParams = z.object({ name: SecretName });
export type SecretParams = z.infer<typeof SecretParams>;

export const PutSecretRequest = z.object({ value: z.string().min(1, 'must not be empty').max(65_536) });
export type PutSecretRequest = z.infer<typeof PutSecretRequest>;

/** A secret as the API shows it: never its value. */
export const SecretSummary = z.object({
  name: z.string(),
  keyVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type SecretSummary = z.infer<typeof SecretSummary>;
export const SecretList = z.object({ items: z.array(SecretSummary) });
export type SecretList = z.infer<typeof SecretList>;

export const RotateSecretsResponse = z.object({ keyVersion: z.number().int(), reencrypted: z.number().int() });
export type RotateSecretsResponse = z.infer<typeof RotateSecretsResponse>;

/** A secret as it travels to a worker: still encrypted, bound to its workspace and name. */
export const EncryptedSecret = z.object({
  name: z.string(),
  /** What the ciphertext is authenticated with (`<workspaceId>/<name>`), so it cannot be moved to another secret. */
  context: z.string(),
  keyVersion: z.number().int().min(1),
  iv: z.string(),
  tag: z.string(),
  ciphertext: z.string(),
});
export type EncryptedSecret = z.infer<typeof EncryptedSecret>;

/** One `${secret.NAME}` in a job's SQL, with its 1-based position. */
export interface SecretReference {
  name: string;
  line: number;
  column: number;
  length: number;
}

// Dots and dashes only occur in the names of connection secrets (`connection.<id>.<option>`), which users cannot create.
const REFERENCE = /\$\{secret\.([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

/** The secret name under which a connection's secret option travels to a worker. */
export function connectionSecretName(connectionId: string, option: string): string {
  return `connection.${connectionId}.${option}`;
}

/** Every `${secret.NAME}` of a SQL text, in order. */
export function secretReferences(sql: string): SecretReference[] {
  const references: SecretReference[] = [];
  for (const match of sql.matchAll(REFERENCE)) {
    const before = sql.slice(0, match.index);
    const line = before.split('\n').length;
    references.push({ name: match[1] ?? '', line, column: match.index - before.lastIndexOf('\n'), length: match[0].length });
  }
  return references;
}

/**
 * The SQL with each `${secret.NAME}` replaced by its value, quotes doubled: a reference belongs
 * inside a string literal (`'password' = '${secret.PG_PASSWORD}'`). Throws naming a missing one.
 */
export function substituteSecrets(sql: string, values: ReadonlyMap<string, string>): string {
  return replaceReferences(sql, values, (value) => value.replace(/'/g, "''"));
}

/** An option value with each `${secret.NAME}` replaced by its value as is (it is no SQL literal). */
export function substituteSecretsInValue(value: string, values: ReadonlyMap<string, string>): string {
  return replaceReferences(value, values, (v) => v);
}

function replaceReferences(text: string, values: ReadonlyMap<string, string>, escape: (value: string) => string): string {
  return text.replace(REFERENCE, (_whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(name.startsWith('connection.') ? `a secret option of connection ${name.split('.')[1]} is no longer set` : `secret '${name}' is not defined in the job's workspace`);
    return escape(value);
  });
}

/** Replaces every occurrence of a secret's value in a text (a log line, an error) by `***`. */
export function redactSecrets(text: string, values: Iterable<string>): string {
  let out = text;
  // Longest first, so a value containing another is removed whole.
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    if (value.length >= 3) out = out.split(value).join('***');
  }
  return out;
}
