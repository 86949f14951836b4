import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisKeys } from '@weir/contracts';
import { secretKeyring } from '@weir/contracts/secret-box';
import { createPrismaClient } from '@weir/db';
import type { Logger } from 'pino';
import { buildApp, type ApiApp } from './app';
import type { ApiConfig } from './config';
import { Authenticator } from './auth/authenticator';
import { LoginLimiter } from './auth/login-limiter';
import { SessionService } from './auth/session-service';
import { WorkspaceResolver } from './auth/workspace-resolver';
import { MetricHub } from './metrics/metric-hub';
import { MetricStore } from './metrics/metric-store';
import { systemClock } from './scheduler/clock';
import { ControlChannel } from './scheduler/control';
import { FailoverHandler } from './scheduler/failover';
import { FencingEpochs } from './scheduler/fencing-epochs';
import { PoolQueues } from './scheduler/pool-queues';
import { LivenessProbe } from './scheduler/liveness';
import { Reconciler } from './scheduler/reconciler';
import { createRunEventHandler } from './scheduler/run-events';
import { RunLauncher } from './scheduler/run-launcher';
import { AuditLog } from './services/audit-log';
import { CatalogService } from './services/catalog-service';
import { ConnectionService } from './services/connection-service';
import { JdbcCatalogs } from './services/jdbc-catalogs';
import { LineageService } from './services/lineage-service';
import { DebugService } from './services/debug-service';
import { DeploymentHistory } from './services/deployment-history';
import { DeploymentService } from './services/deployment-service';
import { JobService } from './services/job-service';
import { SavepointService } from './services/savepoint-service';
import { SecretService } from './services/secret-service';
import { TokenService } from './services/token-service';
import { PoolService } from './services/pool-service';
import { WorkspaceService } from './services/workspace-service';
import { GroupConsumer } from './streams/group-consumer';

/** A running API process: HTTP app, scheduler, run-event consumer, metric ingest and fan-out. */
export interface ApiPlatform {
  app: ApiApp;
  reconciler: Reconciler;
  close(): Promise<void>;
}

/** Connects to Postgres and Redis and starts every part of the API process except listening. */
export async function startApiPlatform(config: ApiConfig, log: Logger): Promise<ApiPlatform> {
  const db = createPrismaClient(config.DATABASE_URL);
  const redisOptions = { maxRetriesPerRequest: null };
  const redis = new Redis(config.REDIS_URL, redisOptions);
  // Blocking reads each need a connection of their own.
  const eventsReader = new Redis(config.REDIS_URL, redisOptions);
  const ingestReader = new Redis(config.REDIS_URL, redisOptions);
  const hubReader = new Redis(config.REDIS_URL, redisOptions);
  const keys = redisKeys(config.WEIR_REDIS_PREFIX);
  const queueConnection = new Redis(config.REDIS_URL, redisOptions);
  const queues = new PoolQueues(queueConnection, keys.bullPrefix);

  const liveness = new LivenessProbe(redis, config.WEIR_REDIS_PREFIX);
  const control = new ControlChannel(redis, config.WEIR_REDIS_PREFIX);
  const epochs = new FencingEpochs(redis, config.WEIR_REDIS_PREFIX);
  const keyring = secretKeyring(config.WEIR_SECRET_KEY, config.WEIR_SECRET_KEY_VERSION, config.WEIR_SECRET_KEYS_PREVIOUS);
  const secrets = new SecretService(db, keyring);
  const connections = new ConnectionService(db, keyring);
  const catalog = new CatalogService(db, connections, new JdbcCatalogs(db, connections, log.child({ component: 'jdbc-catalogs' })));
  const launcher = new RunLauncher(db, queues, epochs, secrets, connections);
  const failover = new FailoverHandler(db, launcher, epochs, systemClock, log.child({ component: 'failover' }));
  const deployments = new DeploymentService(db, launcher, epochs, liveness, systemClock, config.WEIR_HEARTBEAT_TIMEOUT_MS, secrets, catalog);
  const savepoints = new SavepointService(db, redis, config.WEIR_REDIS_PREFIX, control, deployments, config.WEIR_SAVEPOINT_TIMEOUT_MS);
  const history = new DeploymentHistory(db);
  const jobs = new JobService(db, deployments);
  const metrics = new MetricStore(db);
  const hub = new MetricHub(hubReader, keys.metricsStream, log.child({ component: 'metric-hub' }));
  const instance = `api-${randomUUID().slice(0, 8)}`;
  const runEvents = new GroupConsumer(eventsReader, keys.runEventsStream, 'scheduler', instance,
    createRunEventHandler(db, failover, log.child({ component: 'run-events' })), log.child({ component: 'run-events' }));
  const ingester = new GroupConsumer(ingestReader, keys.metricsStream, 'ingest', instance, metrics.ingest,
    log.child({ component: 'ingest' }));
  const reconciler = new Reconciler(db, queues, liveness, control, launcher, failover, systemClock,
    { intervalMs: config.WEIR_RECONCILE_INTERVAL_MS, heartbeatTimeoutMs: config.WEIR_HEARTBEAT_TIMEOUT_MS },
    log.child({ component: 'reconciler' }));

  const audit = new AuditLog(db);
  const limiter = new LoginLimiter(redis, config.WEIR_REDIS_PREFIX, {
    attemptsPerMinute: config.WEIR_LOGIN_ATTEMPTS_PER_MINUTE,
    maxFailures: config.WEIR_LOGIN_MAX_FAILURES,
    lockoutMs: config.WEIR_LOGIN_LOCKOUT_MINUTES * 60_000,
  });
  const app = await buildApp({
    jobs,
    deployments,
    savepoints,
    history,
    metrics,
    hub,
    authenticator: new Authenticator(db, systemClock),
    resolver: new WorkspaceResolver(db),
    sessions: new SessionService(db, limiter, audit, systemClock, config.WEIR_SESSION_TTL_HOURS * 3600_000),
    workspaces: new WorkspaceService(db),
    tokens: new TokenService(db, systemClock),
    pools: new PoolService(db, systemClock),
    audit,
    secrets,
    connections,
    catalog,
    lineage: new LineageService(db, catalog),
    debug: new DebugService(db, redis, config.WEIR_REDIS_PREFIX, queues, catalog, secrets, connections),
    cookies: { secure: config.WEIR_SECURE_COOKIES === 'true' },
    version: '0.1.0',
  }, log);
  await runEvents.start();
  await ingester.start();
  hub.start();
  reconciler.start();
  const pruner = setInterval(() => {
    metrics.prune(config.WEIR_RAW_METRICS_RETENTION_MS).catch((err: unknown) => log.error({ err }, 'metric prune failed'));
  }, 60_000);

  return {
    app,
    reconciler,
    async close() {
      clearInterval(pruner);
      await app.close();
      await reconciler.stop();
      await Promise.all([runEvents.stop(), ingester.stop(), hub.stop()]);
      await queues.close();
      for (const c of [redis, eventsReader, ingestReader, hubReader, queueConnection]) c.disconnect();
      await db.$disconnect();
    },
  };
}
