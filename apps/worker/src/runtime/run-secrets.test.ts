import { WeirError, type DeploymentRunPayload } from '@weir/contracts';
import { encryptSecret, secretKeyring } from '@weir/contracts/secret-box';
import { describe, expect, it } from 'vitest';
import { redactError, resolveRunSecrets } from './run-secrets';

const keyring = secretKeyring('worker-test-key-0123456', 1);
const payload = (sql: string, secrets: DeploymentRunPayload['secrets'], catalogTables: DeploymentRunPayload['catalogTables'] = []) => ({ sql, secrets, catalogTables }) as DeploymentRunPayload;

describe('resolveRunSecrets', () => {
  it('substitutes decrypted values and hands the thread no ciphertext', () => {
    const sealed = encryptSecret(keyring, 'PW', 'ws/PW', "o'brien");
    const resolved = resolveRunSecrets(payload("WITH ('password' = '${secret.PW}')", [sealed]), keyring);
    expect(resolved.payload.sql).toBe("WITH ('password' = 'o''brien')");
    expect(resolved.payload.secrets).toEqual([]);
    expect(resolved.values).toEqual(["o'brien"]);
  });

  it("puts a connection's password into the options of the catalog tables it pinned, as is", () => {
    const sealed = encryptSecret(keyring, 'connection.c1.password', 'ws/connection/c1/password', "o'brien");
    const table = { catalog: 'default_catalog', database: 'default_database', name: 'orders', ddl: 'CREATE TABLE orders (id INT)', options: { username: 'weir', password: '${secret.connection.c1.password}' } };
    const resolved = resolveRunSecrets(payload('INSERT INTO x SELECT * FROM orders', [sealed], [table]), keyring);
    expect(resolved.payload.catalogTables[0]?.options).toEqual({ username: 'weir', password: "o'brien" });
    expect(resolved.values).toEqual(["o'brien"]);
  });

  it('fails for good, naming the secret, when it was deleted after the deploy', () => {
    expect(() => resolveRunSecrets(payload("'${secret.GONE}'", []), keyring)).toThrow(expect.objectContaining({ code: 'SQL_INVALID', domain: 'user', message: "secret 'GONE' is not defined in the job's workspace" }));
  });
});

describe('redactError', () => {
  it('removes the values from the message, stack, details and causes, keeping the code', () => {
    const cause = new Error('connect to postgres://weir:hunter22@db failed');
    const error = new WeirError('UNAVAILABLE', 'sink failed: hunter22 rejected', { details: { url: 'postgres://weir:hunter22@db' }, cause });
    const redacted = redactError(error, ['hunter22']) as WeirError & { cause: Error };
    expect(redacted.message).toBe('sink failed: *** rejected');
    expect(redacted.stack).not.toContain('hunter22');
    expect(redacted.code).toBe('UNAVAILABLE');
    expect(redacted.details).toEqual({ url: 'postgres://weir:***@db' });
    expect(redacted.cause.message).toBe('connect to postgres://weir:***@db failed');
  });
});
