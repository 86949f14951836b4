// Prisma CLI configuration for the whole repo: one schema, one migrations folder, one database URL.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { DEFAULT_DATABASE_URL } from './packages/db/src/default-database-url';

// Prisma's CLI downloads a native schema engine before every command, which cannot work offline.
// Point it at @weir/db's engine program (JSON-RPC over stdio, backed by the wasm schema engine)
// unless the caller chose another engine explicitly.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./packages/db/scripts/schema-engine.mjs', import.meta.url),
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'npm run seed -w @weir/db' },
  datasource: {
    url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  },
});
