// `npm run seed -w @weir/db`: migrates DATABASE_URL, then creates the demo workspace, admin and job.
import { createPrismaClient, DEMO, migrateDatabase, seedDemo } from '../src/index';
import { databaseUrl } from './database-url';

try {
  await migrateDatabase(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  try {
    // Same rule as `npm start`: WEIR_ADMIN_PASSWORD is applied, else a new admin gets a generated one.
    const seeded = await seedDemo(prisma, { password: process.env.WEIR_ADMIN_PASSWORD || undefined });
    console.log(`Seeded workspace '${DEMO.workspaceSlug}' (${seeded.workspaceId}), job '${DEMO.jobName}' (${seeded.jobId})`);
    if (seeded.generatedPassword) console.log(`Sign in as ${DEMO.adminEmail} with the password ${seeded.generatedPassword} (shown once)`);
    else console.log(`Sign in as ${DEMO.adminEmail}`);
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
