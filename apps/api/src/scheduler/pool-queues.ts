import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DebugRunPayload, DeploymentRunPayload } from '@weir/contracts';

/** What a pool's queue jobs carry: deployment runs and debug runs. */
type PoolJob = DeploymentRunPayload | DebugRunPayload;

/** The BullMQ queue of each worker pool, opened on first use and sharing one connection. */
export class PoolQueues {
  private readonly queues = new Map<string, Queue<PoolJob>>();

  constructor(
    private readonly connection: Redis,
    private readonly bullPrefix: string,
  ) {}

  /** The queue named `name` (DEFAULT_POOL_QUEUE or a workspace's exclusive one). */
  get(name: string): Queue<PoolJob> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<PoolJob>(name, {
        connection: this.connection,
        prefix: this.bullPrefix,
        defaultJobOptions: { attempts: 1, removeOnComplete: 1000, removeOnFail: 1000 },
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
