// @weir/db: the Prisma client, its generated types and enums, and the database lifecycle
// (create, migrate offline, check for drift, seed) used by the api, the worker and the launcher.
export * from './generated/prisma/client';
export { createPrismaClient } from './create-prisma-client';
export { DEFAULT_DATABASE_URL } from './default-database-url';
export { DEMO_JOB_SQL } from './demo-job-sql';
export { databaseNameOf, dropDatabase, ensureDatabase, redactUrl, withDatabase } from './ensure-database';
export { migrateDatabase, type MigrateOptions, type MigrateResult } from './migrate-database';
export { hashPassword, verifyPassword } from './password-hash';
export { checkSchemaDrift, type SchemaDrift, type SchemaDriftOptions } from './schema-drift';
export { hashBearerSecret, issueApiToken, newBearerSecret, type IssuedApiToken } from './api-token-secret';
export { DEMO, seedAdmin, seedDemo, type SeedAdminOptions, type SeedAdminResult, type SeedDemoResult } from './seed-demo';
export { createTestDatabase, queryDatabase, type TestDatabase } from './test-database';
