import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { LoginResponse, Role } from '@weir/contracts';
import { secretKeyring } from '@weir/contracts/secret-box';
import { hashPassword, type PrismaClient } from '@weir/db';
import { buildApp, type ApiApp } from '../app';
import { Authenticator } from '../auth/authenticator';
import { LoginLimiter, type LoginLimits } from '../auth/login-limiter';
import { SessionService } from '../auth/session-service';
import { WorkspaceResolver } from '../auth/workspace-resolver';
import type { RouteContext } from '../routes/context';
import { systemClock } from '../scheduler/clock';
import { AuditLog } from '../services/audit-log';
import { CatalogService } from '../services/catalog-service';
import { ConnectionService } from '../services/connection-service';
import { JdbcCatalogs } from '../services/jdbc-catalogs';
import { LineageService } from '../services/lineage-service';
import { DebugService } from '../services/debug-service';
import { PoolQueues } from '../scheduler/pool-queues';
import { SecretService } from '../services/secret-service';
import { PoolService } from '../services/pool-service';
import { TokenService } from '../services/token-service';
import { WorkspaceService } from '../services/workspace-service';

/** Stands in for a service a test does not expect to reach: any use fails the test. */
export const unused = new Proxy({}, { get: (_target, name) => { throw new Error(`unexpected use of ${String(name)}`); } }) as never;

/** The keyring of test apps: version 2 current, version 1 still readable. */
export const TEST_KEYRING = secretKeyring('test-secret-key-version-2', 2, '1:test-secret-key-version-1');

export interface TestApp {
  app: ApiApp;
  redis: Redis;
  close(): Promise<void>;
}

/** The API app over a real database and Redis, with real accounts; the job and deployment services are the caller's. */
export async function buildTestApp(
  db: PrismaClient,
  services: Partial<Pick<RouteContext, 'jobs' | 'deployments' | 'savepoints' | 'history' | 'metrics' | 'hub'>>,
  options: { redisPrefix: string; limits?: Partial<LoginLimits> },
): Promise<TestApp> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const stale = await redis.keys(`${options.redisPrefix}:*`);
  if (stale.length > 0) await redis.del(...stale);
  const audit = new AuditLog(db);
  const limiter = new LoginLimiter(redis, options.redisPrefix, { attemptsPerMinute: 1000, maxFailures: 5, lockoutMs: 60_000, ...options.limits });
  const connections = new ConnectionService(db, TEST_KEYRING);
  const catalog = new CatalogService(db, connections, new JdbcCatalogs(db, connections));
  const secrets = new SecretService(db, TEST_KEYRING);
  const queues = new PoolQueues(redis, `${options.redisPrefix}:bull`);
  const app = await buildApp(
    {
      jobs: unused,
      deployments: unused,
      savepoints: unused,
      history: unused,
      metrics: unused,
      hub: unused,
      ...services,
      authenticator: new Authenticator(db, systemClock),
      resolver: new WorkspaceResolver(db),
      sessions: new SessionService(db, limiter, audit, systemClock, 3600_000),
      workspaces: new WorkspaceService(db),
      tokens: new TokenService(db, systemClock),
      pools: new PoolService(db, systemClock),
      audit,
      secrets,
      connections,
      catalog,
      lineage: new LineageService(db, catalog),
      debug: new DebugService(db, redis, options.redisPrefix, queues, catalog, secrets, connections),
      cookies: { secure: false },
      version: 'test',
    },
    pino({ level: 'silent' }),
  );
  return {
    app,
    redis,
    async close() {
      await app.close();
      await queues.close();
      const keys = await redis.keys(`${options.redisPrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

/** Creates a user with `password` and the given memberships (workspace id → role). */
export async function createUser(db: PrismaClient, email: string, password: string, memberships: Record<string, Role>) {
  return db.user.create({
    data: {
      email,
      name: email.split('@')[0] ?? email,
      passwordHash: await hashPassword(password),
      memberships: { create: Object.entries(memberships).map(([workspaceId, role]) => ({ workspaceId, role })) },
    },
  });
}

/** Signs in through the API and returns the Authorization header of the session. */
export async function signIn(app: ApiApp, email: string, password: string): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed (${res.statusCode}): ${res.body}`);
  return { authorization: `Bearer ${res.json<LoginResponse>().token}` };
}
