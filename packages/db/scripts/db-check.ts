// `npm run db:check -w @weir/db`: fails when prisma/schema.prisma has changes that no migration in
// prisma/migrations carries. Needs a Postgres server (DATABASE_URL's) for the shadow database.
// Imports the module, not the index: the check must run before the client is generated.
import { checkSchemaDrift } from '../src/schema-drift';
import { databaseUrl } from './database-url';

try {
  const drift = await checkSchemaDrift(databaseUrl);
  if (drift.inSync) {
    console.log('prisma/schema.prisma matches prisma/migrations.');
  } else {
    console.error('prisma/schema.prisma has changes that no migration carries:\n');
    console.error(drift.summary);
    console.error('\nCreate a migration: npm run prisma -w @weir/db -- migrate dev --name <what-changed>');
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
