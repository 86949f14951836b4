import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('verify the password they were made from, and no other', async () => {
    const hash = await hashPassword('admin');

    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('admin', hash)).toBe(true);
    expect(await verifyPassword('Admin', hash)).toBe(false);
  });

  it('are salted, so one password gives different hashes', async () => {
    expect(await hashPassword('admin')).not.toBe(await hashPassword('admin'));
  });

  it('reject malformed hashes instead of throwing', async () => {
    expect(await verifyPassword('admin', 'plain-text')).toBe(false);
  });
});
