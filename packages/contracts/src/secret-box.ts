import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { EncryptedSecret } from './secrets';
import { WeirError } from './weir-error';

/** The keys secrets are encrypted with: the current one, and older versions still readable. */
export interface SecretKeyring {
  currentVersion: number;
  keys: ReadonlyMap<number, Buffer>;
}

/** A 256-bit AES key from a configured passphrase (HKDF-SHA256, so any long random string will do). */
function deriveKey(passphrase: string): Buffer {
  return Buffer.from(hkdfSync('sha256', passphrase, 'weir-secrets', 'aes-256-gcm', 32));
}

/**
 * Builds the keyring from configuration: `current` under `version`, and `previous` as
 * `VERSION:passphrase` pairs separated by commas (keys being rotated out).
 */
export function secretKeyring(current: string, version: number, previous = ''): SecretKeyring {
  const keys = new Map<number, Buffer>([[version, deriveKey(current)]]);
  for (const entry of previous.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const old = Number(entry.slice(0, colon));
    if (colon <= 0 || !Number.isInteger(old) || old < 1) {
      throw new WeirError('VALIDATION_FAILED', 'WEIR_SECRET_KEYS_PREVIOUS must be `VERSION:key` pairs separated by commas');
    }
    if (old !== version) keys.set(old, deriveKey(entry.slice(colon + 1)));
  }
  return { currentVersion: version, keys };
}

/** Encrypts a value with AES-256-GCM under the current key; `context` (workspace/name) is authenticated too. */
export function encryptSecret(keyring: SecretKeyring, name: string, context: string, value: string): EncryptedSecret {
  const key = keyring.keys.get(keyring.currentVersion);
  if (!key) throw new WeirError('INTERNAL', `no key for the current secret key version ${keyring.currentVersion}`);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    name,
    context,
    keyVersion: keyring.currentVersion,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Decrypts a secret; a missing key version or a tampered ciphertext is an error naming the secret, never its value. */
export function decryptSecret(keyring: SecretKeyring, secret: EncryptedSecret): string {
  const key = keyring.keys.get(secret.keyVersion);
  if (!key) {
    throw new WeirError('INTERNAL', `secret '${secret.name}' is encrypted with key version ${secret.keyVersion}, which this process does not have (WEIR_SECRET_KEYS_PREVIOUS)`, { domain: 'user' });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(secret.iv, 'base64'));
    decipher.setAAD(Buffer.from(secret.context));
    decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(secret.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new WeirError('INTERNAL', `secret '${secret.name}' cannot be decrypted with key version ${secret.keyVersion}: wrong key, or the stored value was altered`, { cause: error });
  }
}
