import { WeirError } from '@weir/contracts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { portOpen, waitFor } from './probe';

/** The Redis the platform uses, and how to let go of it. */
export interface RedisService {
  url: string;
  source: 'environment' | 'local' | 'started';
  stop(): Promise<void>;
}

const OWN_PORT = 6390;

/**
 * REDIS_URL when set; else a local Redis on 6379; else `redis-server` from the OS package
 * (installed with apt-get when missing and we are root), started under the data folder.
 */
export async function provideRedis(envUrl: string | undefined, dataDir: string): Promise<RedisService> {
  if (envUrl) return { url: envUrl, source: 'environment', stop: async () => {} };
  if (await portOpen('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379', source: 'local', stop: async () => {} };
  const binary = findRedisServer() ?? installRedisServer();
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(binary, ['--bind', '127.0.0.1', '--port', String(OWN_PORT), '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitFor('redis-server', () => portOpen('127.0.0.1', OWN_PORT), 10_000);
  return {
    url: `redis://127.0.0.1:${OWN_PORT}`,
    source: 'started',
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    },
  };
}

function findRedisServer(): string | undefined {
  for (const candidate of ['redis-server', '/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

function installRedisServer(): string {
  const howTo = 'Install it (Debian: apt-get install -y redis-server) or set REDIS_URL=redis://HOST:PORT.';
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new WeirError('UNAVAILABLE', `no Redis available: nothing answers on 127.0.0.1:6379 and redis-server is not installed. ${howTo}`);
  }
  console.log('[launcher] redis-server is missing; installing Debian package redis-server');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
  const found = result.status === 0 ? findRedisServer() : undefined;
  if (!found) throw new WeirError('UNAVAILABLE', `no Redis available and installing redis-server failed. ${howTo}`);
  return found;
}
