import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Root of the repository (the launcher runs apps from their source). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const LauncherConfig = z.object({
  /** Use this Postgres instead of looking for one; the database is created when missing. */
  DATABASE_URL: z.string().optional(),
  /** Use this Redis instead of looking for one. */
  REDIS_URL: z.string().optional(),
  /** Prefix of every Redis key. */
  WEIR_REDIS_PREFIX: z.string().default('weir'),
  /** Console port. */
  WEIR_CONSOLE_PORT: z.coerce.number().int().default(3000),
  /** API port. */
  WEIR_API_PORT: z.coerce.number().int().default(4000),
  /** Interface the API and console bind. */
  WEIR_HOST: z.string().default('127.0.0.1'),
  /** Where self-started services keep their data. */
  WEIR_DATA_DIR: z.string().default(`${repoRoot}.data`),
  /** Runs the worker executes at once. */
  WEIR_WORKER_SLOTS: z.coerce.number().int().min(1).default(4),
  /**
   * The password of admin@weir.local, applied at every start. When unset, a new admin gets a
   * generated password, printed once and written to WEIR_DATA_DIR/admin-password.
   */
  WEIR_ADMIN_PASSWORD: z.string().min(8, 'WEIR_ADMIN_PASSWORD must be at least 8 characters').optional(),
  /** Deploy the demo job when it has no active deployment ("false" to skip). */
  WEIR_START_DEMO: z.enum(['true', 'false']).default('true'),
});
export type LauncherConfig = z.infer<typeof LauncherConfig>;

/** Reads the launcher's configuration; the only reader of process.env in the launcher. */
export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  return LauncherConfig.parse(env);
}
