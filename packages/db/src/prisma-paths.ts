import { fileURLToPath } from 'node:url';

// The repo keeps one Prisma schema and migrations folder at its root (see prisma.config.ts);
// @weir/db ships as TypeScript source, so these resolve inside the checkout it runs from.
export const prismaPaths = {
  schema: fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../../../prisma/migrations', import.meta.url)),
  schemaEngine: fileURLToPath(new URL('../scripts/schema-engine.mjs', import.meta.url)),
};
