import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, secretKeyring } from './secret-box';

describe('secret encryption', () => {
  const v1 = secretKeyring('first-key-of-sixteen+', 1);

  it('round-trips a value with a fresh IV each time, never holding the plain text', () => {
    const a = encryptSecret(v1, 'PG', 'ws/PG', 's3cret');
    const b = encryptSecret(v1, 'PG', 'ws/PG', 's3cret');
    expect(a.iv).not.toBe(b.iv);
    expect(JSON.stringify(a)).not.toContain('s3cret');
    expect(decryptSecret(v1, a)).toBe('s3cret');
  });

  it('refuses a ciphertext moved to another secret or altered', () => {
    const a = encryptSecret(v1, 'PG', 'ws/PG', 's3cret');
    expect(() => decryptSecret(v1, { ...a, context: 'other-ws/PG' })).toThrow("secret 'PG' cannot be decrypted with key version 1");
    const flipped = Buffer.from(a.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptSecret(v1, { ...a, ciphertext: flipped.toString('base64') })).toThrow(/altered/);
  });

  it('reads old versions after a new key is rolled in, and says which version is missing', () => {
    const old = encryptSecret(v1, 'PG', 'ws/PG', 's3cret');
    const v2 = secretKeyring('second-key-of-sixteen', 2, '1:first-key-of-sixteen+');
    expect(decryptSecret(v2, old)).toBe('s3cret');
    expect(encryptSecret(v2, 'PG', 'ws/PG', 'x').keyVersion).toBe(2);
    const v2only = secretKeyring('second-key-of-sixteen', 2);
    expect(() => decryptSecret(v2only, old)).toThrow('key version 1, which this process does not have');
    expect(() => secretKeyring('k', 2, 'nonsense')).toThrow(/VERSION:key/);
  });
});
