import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createTestDatabase as createMigratedDatabase, type TestDatabase } from '@weir/db';

/** Server used by tests; every test file makes its own database on it. */
const serverUrl = process.env.WEIR_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database for one test file; `drop()` removes it. */
export function createTestDatabase(label: string): Promise<TestDatabase> {
  return createMigratedDatabase(serverUrl, `weir_${label}`);
}

/** A Redis key prefix no other test run uses. */
export function testRedisPrefix(label: string): string {
  return `weirtest:${label}:${randomBytes(4).toString('hex')}`;
}

/** Redis used by tests. */
export const testRedisUrl = process.env.WEIR_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
