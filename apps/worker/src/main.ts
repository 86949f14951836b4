import { DelayedError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { DeploymentConfig, QueueJobName, redisKeys } from '@weir/contracts';
import { loadWorkerConfig } from './config';
import { deploymentRunHandler } from './jobs/deployment-run';
import { debugRunHandler } from './jobs/debug-run';
import { JobThreadPool } from './runtime/job-thread-pool';
import type { RunHost } from './runtime/run-host';
import { secretKeyring } from '@weir/contracts/secret-box';
import { PoolMembership } from './pool/pool-membership';

const config = loadWorkerConfig();
const log = pino({ level: config.LOG_LEVEL, base: { app: 'worker', workerId: config.WEIR_WORKER_ID } });
const keys = redisKeys(config.WEIR_REDIS_PREFIX);
const connection = { maxRetriesPerRequest: null };
const redis = new Redis(config.REDIS_URL, connection);
const subscriber = new Redis(config.REDIS_URL, connection);
const active = new Set<RunHost>();
// A thread with the default heap limit waits booted, so a failed-over run starts ~0.6 s sooner.
const threads = new JobThreadPool({ stackSizeMb: 4, prewarm: true, defaultMemoryLimitMb: DeploymentConfig.parse({}).memoryLimitMb });
const keyring = secretKeyring(config.WEIR_SECRET_KEY, config.WEIR_SECRET_KEY_VERSION, config.WEIR_SECRET_KEYS_PREVIOUS);
const udfLimits = { memoryMb: config.WEIR_UDF_MEMORY_MB, callTimeoutMs: config.WEIR_UDF_CALL_TIMEOUT_MS };
const handlers = {
  [QueueJobName.debugRun]: debugRunHandler({ redis, prefix: config.WEIR_REDIS_PREFIX, keyring, udfLimits, unresponsiveMs: config.WEIR_RUN_UNRESPONSIVE_MS, log }),
  [QueueJobName.deploymentRun]: deploymentRunHandler({
    redis,
    subscriber,
    keys,
    workerId: config.WEIR_WORKER_ID,
    sampleIntervalMs: config.WEIR_SAMPLE_INTERVAL_MS,
    checkpointRoot: config.WEIR_CHECKPOINT_DIR,
    unresponsiveMs: config.WEIR_RUN_UNRESPONSIVE_MS,
    threads,
    keyring,
    udfLimits,
    log,
    active,
  }),
};

const membership = config.WEIR_POOL_JOIN_TOKEN ? new PoolMembership(config.WEIR_API_URL, config.WEIR_POOL_JOIN_TOKEN, config.WEIR_WORKER_ID) : undefined;
let queueName = config.WEIR_WORKER_QUEUE;
if (membership) {
  try {
    const joined = await membership.join(2000, (err) => log.warn({ err }, 'waiting for the API to join the pool'));
    queueName = joined.queue;
    log.info({ workspace: joined.workspaceSlug, queue: joined.queue }, 'joined the exclusive pool');
  } catch (err) {
    log.fatal({ err }, 'joining the pool failed');
    process.exit(1);
  }
}

/** Set while the pool refuses this worker; a run claimed then goes back for another worker of the pool. */
let refused = false;
const worker = new Worker(
  queueName,
  async (job, token) => {
    if (refused && token) {
      await job.moveToDelayed(Date.now() + 1000, token);
      throw new DelayedError();
    }
    const handler = handlers[job.name as keyof typeof handlers];
    if (!handler) throw new Error(`worker has no handler for queue job '${job.name}'`);
    return handler(job);
  },
  {
    connection: new Redis(config.REDIS_URL, connection),
    prefix: keys.bullPrefix,
    concurrency: config.WEIR_WORKER_SLOTS,
    lockDuration: config.WEIR_LOCK_DURATION_MS,
    stalledInterval: config.WEIR_STALLED_INTERVAL_MS,
    // A run whose worker died is not silently re-run here; failover owns that decision.
    maxStalledCount: 0,
  },
);
worker.on('failed', (job, err) => log.warn({ queueJobId: job?.id, err }, 'queue job failed'));
log.info({ queue: queueName, slots: config.WEIR_WORKER_SLOTS }, 'worker ready');

// A revoked token (or the workspace back on the shared pool) stops new claims; runs in progress go on.
async function checkMembership(pool: PoolMembership): Promise<void> {
  const answer = await pool.ask();
  if (!answer.ok && !refused) {
    refused = true;
    log.error({ reason: answer.reason }, 'the pool refused this worker: no longer claiming runs');
    // Pausing stops new fetches; a fetch already waiting may still claim one, which `refused` hands back.
    await worker.pause(true);
  } else if (answer.ok && refused && !closing) {
    refused = false;
    log.info('the pool accepts this worker again: claiming runs');
    worker.resume();
  }
}
const membershipCheck = membership
  ? setInterval(() => {
      checkMembership(membership).catch((err: unknown) => log.warn({ err }, 'pool membership check failed; serving on'));
    }, config.WEIR_POOL_JOIN_CHECK_MS)
  : undefined;

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    clearInterval(membershipCheck);
    log.info({ signal, runs: active.size }, 'worker shutting down');
    for (const host of active) host.requestStop('shutdown');
    worker
      .close()
      .then(() => Promise.all([redis.quit(), subscriber.quit(), threads.close()]))
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'worker shutdown failed');
          process.exit(1);
        },
      );
  });
}
