// `npm run migrate -w @weir/db`: applies pending migrations to DATABASE_URL (created if missing).
// Imports the modules, not the index: migrating must not need the generated client.
import { redactUrl } from '../src/ensure-database';
import { migrateDatabase } from '../src/migrate-database';
import { databaseUrl } from './database-url';

try {
  const { createdDatabase, appliedMigrationNames, durationMs } = await migrateDatabase(databaseUrl);
  if (createdDatabase) console.log(`Created database ${redactUrl(databaseUrl)}`);
  for (const name of appliedMigrationNames) console.log(`Applied ${name}`);
  console.log(
    appliedMigrationNames.length > 0
      ? `Applied ${appliedMigrationNames.length} migration(s) in ${durationMs} ms`
      : `No pending migrations (${durationMs} ms)`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
