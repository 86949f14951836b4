// `npm run seed -w @weir/db`: migrates DATABASE_URL, then creates the demo workspace, admin and job.
import { createPrismaClient, DEMO, migrateDatabase, seedDemo } from '../src/index';
import { databaseUrl } from './database-url';

try {
  await migrateDatabase(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  try {
    const seeded = await seedDemo(prisma);
    console.log(`Seeded workspace '${DEMO.workspaceSlug}' (${seeded.workspaceId}), job '${DEMO.jobName}' (${seeded.jobId})`);
    console.log(`Sign in as ${DEMO.adminEmail} / ${DEMO.adminPassword}`);
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
