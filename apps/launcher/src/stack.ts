import { WeirError } from '@weir/contracts';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { migrateDatabase } from '@weir/db';
import { repoRoot } from './config';
import { startProcess, superviseProcess, type SupervisedProcess } from './child-process';
import { portOpen, waitFor } from './probe';

/** Where and how the platform's processes run. */
export interface StackOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  apiPort: number;
  consolePort: number;
  host?: string;
  workerSlots?: number;
  /** Worker processes of the pool (default 1); a failover needs a second one to move to at once. */
  workers?: number;
  /** Extra environment of every process (tests tune intervals or point checkpoints elsewhere). */
  env?: Record<string, string>;
  /** Start the console too (default); API-level tests leave it out. */
  console?: boolean;
  /** Hide the processes' output (tests). */
  quiet?: boolean;
  /** Hears every output line of every process (tests assert on what was logged). */
  onOutput?: (name: string, line: string) => void;
  /** Called when a process exits on its own (it is then started again). */
  onUnexpectedExit?: (name: string, code: number | null) => void;
}

/** The running platform. */
export interface Stack {
  consoleUrl: string;
  apiUrl: string;
  processes: SupervisedProcess[];
  /** Starts one more worker process, e.g. one joining a workspace's exclusive pool with WEIR_POOL_JOIN_TOKEN. */
  addWorker(name: string, env?: Record<string, string>): SupervisedProcess;
  stop(): Promise<void>;
}

/**
 * Migrates the database, then starts the API (with scheduler and ingest), the workers and the
 * console (built first when its build is stale), and waits until each answers.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const withConsole = options.console ?? true;
  await migrateDatabase(options.databaseUrl);
  if (withConsole) buildConsole(options.quiet ?? false);

  const apiUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${options.apiPort}`;
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    WEIR_REDIS_PREFIX: options.redisPrefix,
    WEIR_API_HOST: host,
    WEIR_API_PORT: String(options.apiPort),
    WEIR_API_URL: apiUrl,
    WEIR_WORKER_SLOTS: String(options.workerSlots ?? 4),
    ...options.env,
  };
  const tsx = ['--import', 'tsx'];
  const supervise = (name: string, args: string[], cwd = repoRoot, extraEnv: Record<string, string> = {}) =>
    superviseProcess(name, (onExit) => startProcess(name, process.execPath, args, { cwd, env: { ...env, ...extraEnv }, quiet: options.quiet, onExit, onLine: (line) => options.onOutput?.(name, line) }), {
      restartDelayMs: 2000,
      onExit: (code) => options.onUnexpectedExit?.(name, code),
    });
  const processes: SupervisedProcess[] = [];
  // isolated-vm (the UDF sandbox) needs Node's startup snapshot off from Node 20 on.
  const workerArgs = ['--no-node-snapshot', ...tsx, join(repoRoot, 'apps/worker/src/main.ts')];
  const stop = async () => {
    await Promise.all(processes.reverse().map((p) => p.stop()));
  };
  try {
    processes.push(supervise('api', [...tsx, join(repoRoot, 'apps/api/src/main.ts')]));
    for (let i = 1; i <= (options.workers ?? 1); i++) {
      processes.push(supervise(i === 1 ? 'worker' : `worker-${i}`, workerArgs));
    }
    if (withConsole) {
      const next = join(repoRoot, 'node_modules/next/dist/bin/next');
      processes.push(supervise('console', [next, 'start', '-p', String(options.consolePort), '-H', host], join(repoRoot, 'apps/console')));
    }
    await waitFor('api', () => httpOk(`${apiUrl}/api/v1/health`), 60_000);
    if (withConsole) await waitFor('console', () => portOpen(host === '0.0.0.0' ? '127.0.0.1' : host, options.consolePort), 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const consoleHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const addWorker = (name: string, extraEnv: Record<string, string> = {}) => {
    const worker = supervise(name, workerArgs, repoRoot, extraEnv);
    processes.push(worker);
    return worker;
  };
  return { consoleUrl: `http://${consoleHost}:${options.consolePort}`, apiUrl, processes, addWorker, stop };
}

/** Builds the console through Turborepo, which skips the build when its inputs are unchanged. */
function buildConsole(quiet: boolean): void {
  const turbo = join(repoRoot, 'node_modules/.bin/turbo');
  const result = spawnSync(turbo, ['run', 'build', '--filter=@weir/console', '--output-logs=errors-only'], {
    cwd: repoRoot,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new WeirError('INTERNAL', `building the console failed (exit ${result.status})${quiet ? `:\n${result.stdout}\n${result.stderr}` : ''}`);
  }
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch {
    return false;
  }
}
