import { createPrismaClient, DEMO, seedDemo } from '@weir/db';
import { writeAdminPassword } from './admin-password';
import { loadLauncherConfig } from './config';
import { deployDemoJob } from './demo';
import { ensureLogicalWal } from './logical-wal';
import { providePostgres } from './postgres';
import { provideRedis } from './redis';
import { startStack, type Stack } from './stack';

const say = (message: string) => console.log(`[launcher] ${message}`);
const config = loadLauncherConfig();
const startedAt = Date.now();
const cleanups: (() => Promise<void>)[] = [];
let stack: Stack | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping');
    await stack?.stop();
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => say(`cleanup failed: ${String(e)}`));
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const postgres = await providePostgres(config.DATABASE_URL, config.WEIR_DATA_DIR);
  cleanups.push(postgres.stop);
  say(`postgres: ${postgres.source}`);
  say(`postgres: ${await ensureLogicalWal(postgres)}`);
  const redis = await provideRedis(config.REDIS_URL, config.WEIR_DATA_DIR);
  cleanups.push(redis.stop);
  say(`redis: ${redis.source} (${redis.url})`);

  stack = await startStack({
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    redisPrefix: config.WEIR_REDIS_PREFIX,
    apiPort: config.WEIR_API_PORT,
    consolePort: config.WEIR_CONSOLE_PORT,
    host: config.WEIR_HOST,
    workerSlots: config.WEIR_WORKER_SLOTS,
    onUnexpectedExit: (name, code) => say(`${name} exited unexpectedly (code ${code}); starting it again`),
  });
  const db = createPrismaClient(postgres.url);
  try {
    const seeded = await seedDemo(db, { password: config.WEIR_ADMIN_PASSWORD });
    const passwordNote = await writeAdminPassword(config.WEIR_DATA_DIR, seeded.generatedPassword, config.WEIR_ADMIN_PASSWORD !== undefined);
    if (seeded.generatedPassword) {
      say(`admin ${DEMO.adminEmail} created with the password ${seeded.generatedPassword}`);
      say(`  (shown once; also written to ${passwordNote}; set WEIR_ADMIN_PASSWORD to choose one)`);
    } else {
      say(`sign in as ${DEMO.adminEmail}: ${passwordNote}`);
    }
    if (config.WEIR_START_DEMO === 'true') {
      const deployment = await deployDemoJob(db, stack.apiUrl, seeded);
      if (deployment) say(`demo job deployed (deployment ${deployment.id})`);
    }
  } finally {
    await db.$disconnect();
  }
  say(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  say(`console  ${stack.consoleUrl}`);
  say(`api      ${stack.apiUrl}/api/v1  (docs ${stack.apiUrl}/api/v1/docs)`);
  say('press Ctrl-C to stop');
} catch (error) {
  say(error instanceof Error ? error.message : String(error));
  await shutdown(1);
}
