import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { AUTH, type Deployment, type Job, type LoginResponse } from '@weir/contracts';
import { createPrismaClient, DEMO, seedAdmin } from '@weir/db';
import { startStack, type Stack, type StackOptions } from '@weir/launcher';
import { createTestDatabase, freePort, testRedisPrefix, testRedisUrl } from './test-database';

/** A running platform (API and workers, no console) on its own database, Redis prefix and checkpoint folder. */
export interface TestPlatform {
  stack: Stack;
  prefix: string;
  /** A scratch folder removed at the end (checkpoints live under `checkpoints/`). */
  dir: string;
  /** The Authorization header of the seeded admin's session, for requests made without `api`. */
  auth: { authorization: string };
  /** The platform's own database. */
  databaseUrl: string;
  /** Every line the platform's processes printed so far, `[name] line`. */
  output: string[];
  /** Calls the API as the seeded admin, in the demo workspace (OWNER) or the one named; a 204 answers body null. */
  api<T>(method: string, path: string, body?: unknown, workspace?: string): Promise<{ status: number; body: T }>;
  /** Creates a job from `sql` and deploys it with `config`; throws with the API's answer when either is refused. */
  deploy(name: string, sql: string, config: unknown): Promise<Deployment>;
  /** Polls the deployment until its status is one of `wanted` (and `until` holds, when given). */
  waitFor(id: string, wanted: Deployment['status'][], timeoutMs: number, until?: (d: Deployment) => boolean): Promise<Deployment>;
  /** The supervised worker process hosting the deployment's current run. */
  workerOf(d: Deployment): Stack['processes'][number];
  stop(): Promise<void>;
}

/** The admin every test platform seeds. */
export const TEST_ADMIN = { email: DEMO.adminEmail, password: 'test-admin-password' } as const;

export async function startTestPlatform(label: string, options: Partial<Pick<StackOptions, 'workers' | 'env'>> = {}): Promise<TestPlatform> {
  const db = await createTestDatabase(label);
  const prefix = testRedisPrefix(label);
  const dir = await mkdtemp(join(tmpdir(), `weir-${label}-`));
  const output: string[] = [];
  const stack = await startStack({
    databaseUrl: db.url,
    redisUrl: testRedisUrl,
    redisPrefix: prefix,
    apiPort: await freePort(),
    consolePort: 0,
    console: false,
    quiet: process.env.WEIR_TEST_VERBOSE !== "1",
    workers: options.workers,
    env: { WEIR_CHECKPOINT_DIR: join(dir, 'checkpoints'), ...options.env },
    onOutput: (name, line) => output.push(`[${name}] ${line}`),
  });
  const prisma = createPrismaClient(db.url);
  try {
    await seedAdmin(prisma, { password: TEST_ADMIN.password });
  } finally {
    await prisma.$disconnect();
  }
  const login = await fetch(`${stack.apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  if (!login.ok) throw new Error(`signing in the test admin failed (${login.status}): ${await login.text()}`);
  const auth = { authorization: `Bearer ${((await login.json()) as LoginResponse).token}` };
  async function api<T>(method: string, path: string, body?: unknown, workspace?: string) {
    const res = await fetch(`${stack.apiUrl}/api/v1${path}`, {
      method,
      headers: {
        ...auth,
        ...(workspace === undefined ? {} : { [AUTH.workspaceHeader]: workspace }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
  return {
    stack,
    prefix,
    dir,
    databaseUrl: db.url,
    output,
    auth,
    api,
    async deploy(name, sql, config) {
      const job = await api<Job>('POST', '/jobs', { name, sql });
      if (job.status !== 201) throw new Error(`creating job '${name}' failed (${job.status}): ${JSON.stringify(job.body)}`);
      const deployed = await api<Deployment>('POST', `/jobs/${job.body.id}/deploy`, { config });
      if (deployed.status !== 201) throw new Error(`deploying job '${name}' failed (${deployed.status}): ${JSON.stringify(deployed.body)}`);
      return deployed.body;
    },
    async waitFor(id, wanted, timeoutMs, until = () => true) {
      const deadline = Date.now() + timeoutMs;
      let last: Deployment | undefined;
      while (Date.now() < deadline) {
        last = (await api<Deployment>('GET', `/deployments/${id}`)).body;
        if (wanted.includes(last.status) && until(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`deployment ${id} did not reach ${wanted.join('/')} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    },
    workerOf(d) {
      const pid = Number(d.currentRun?.workerId?.split('-').pop());
      const worker = stack.processes.find((p) => p.name.startsWith('worker') && p.pid() === pid);
      if (!worker) throw new Error(`no worker process with pid ${pid} hosts deployment ${d.id}`);
      return worker;
    },
    async stop() {
      await stack.stop();
      await db.drop();
      const redis = new Redis(testRedisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
