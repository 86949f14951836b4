import { hostname } from 'node:os';
import { z } from 'zod';

const WorkerConfig = z.object({
  /** Redis holding the queues, heartbeats, control channels and the metrics stream. */
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key; must match the API's. */
  WEIR_REDIS_PREFIX: z.string().min(1).default('weir'),
  /** Queue of the pool this worker serves when it has no join token: the shared pool. */
  WEIR_WORKER_QUEUE: z.string().default('weir-pool-shared'),
  /**
   * A workspace's pool join token (`weir_join_…`, created by an owner): the worker then serves
   * that workspace's exclusive pool instead, as the API answers, and stops claiming runs once the
   * token is revoked.
   */
  WEIR_POOL_JOIN_TOKEN: z.string().startsWith('weir_join_', 'must be a pool join token (weir_join_…)').optional(),
  /** The API a joining worker asks for its pool. */
  WEIR_API_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** How often a joined worker confirms its token is still valid. */
  WEIR_POOL_JOIN_CHECK_MS: z.coerce.number().int().min(500).default(30_000),
  /** How many runs this worker executes at once. */
  WEIR_WORKER_SLOTS: z.coerce.number().int().min(1).max(256).default(4),
  /** Name shown in run history; unique per process. */
  WEIR_WORKER_ID: z.string().default(`${hostname()}-${process.pid}`),
  /**
   * Queue lock lifetime, renewed at half of it while the event loop is free; a killed worker's
   * run is seen lost at most this long after its last renewal. 2 s keeps kill -9 → RUNNING again
   * within 5 s (measured ~2 s with BullMQ); the engine yields far more often than once a second.
   */
  WEIR_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(2000),
  /** How often the queue looks for runs whose lock expired. */
  WEIR_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(1000),
  /**
   * Where runs keep checkpoints and savepoints, one folder per deployment: a directory (relative
   * to the working directory, or a shared mount for workers on several hosts) or `s3://bucket/prefix`.
   */
  WEIR_CHECKPOINT_DIR: z.string().min(1).default('.data/checkpoints'),
  /** S3-compatible endpoint for `s3://` checkpoint storage (MinIO, s3rver); AWS itself when absent. */
  WEIR_S3_ENDPOINT: z.string().url().optional(),
  WEIR_S3_REGION: z.string().default('us-east-1'),
  /** Credentials for `s3://` storage; the AWS SDK's default chain (instance roles, ~/.aws) when absent. */
  WEIR_S3_ACCESS_KEY_ID: z.string().optional(),
  WEIR_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** How often counters are sampled and heartbeats written. */
  WEIR_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(100).default(1000),
  /**
   * A run's thread that answers nothing for this long (an endless loop, a blocking call) is
   * terminated and the run fails as UNRESPONSIVE. The engine yields every few milliseconds, so
   * only a runaway expression or UDF comes near it.
   */
  WEIR_RUN_UNRESPONSIVE_MS: z.coerce.number().int().min(500).default(15_000),
  /** Heap of the V8 isolate a run's user functions share; passing it fails the run as UDF_OUT_OF_MEMORY. */
  WEIR_UDF_MEMORY_MB: z.coerce.number().int().min(8).max(4096).default(64),
  /** Longest one user-function call may run; a longer one fails the run as UDF_TIMEOUT. */
  WEIR_UDF_CALL_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
  /** Decrypts the workspace secrets runs reference; the API's WEIR_SECRET_KEY, version and previous keys. */
  WEIR_SECRET_KEY: z.string().min(16).default('weir-local-development-key'),
  WEIR_SECRET_KEY_VERSION: z.coerce.number().int().min(1).default(1),
  WEIR_SECRET_KEYS_PREVIOUS: z.string().default(''),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

/** Reads the worker's configuration from the environment; the only reader of process.env here. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return WorkerConfig.parse(env);
}
