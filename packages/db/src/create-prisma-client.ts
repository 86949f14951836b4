import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

/**
 * A Prisma client on Postgres through @prisma/adapter-pg (Prisma 7 has no native query engine;
 * queries are planned by its wasm compiler and run by `pg`). Call `$disconnect()` when done.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
