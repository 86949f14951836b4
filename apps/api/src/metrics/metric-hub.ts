import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MetricSample } from '@weir/contracts';

type Listener = (sample: MetricSample) => void;

/**
 * Fans the metrics stream out to this API instance's live subscribers (SSE). Every instance
 * reads the whole stream from "now" with plain XREAD, unlike the ingester's consumer group.
 */
export class MetricHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly stream: string,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** Calls `listener` with each new sample of the deployment until the returned function is called. */
  subscribe(deploymentId: string, listener: Listener): () => void {
    let set = this.listeners.get(deploymentId);
    if (!set) this.listeners.set(deploymentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(deploymentId);
    };
  }

  private async run(): Promise<void> {
    let last = '$';
    while (!this.stopped) {
      try {
        const reply = (await this.redis.xread('COUNT', 500, 'BLOCK', 500, 'STREAMS', this.stream, last)) as
          | [string, [string, string[]][]][]
          | null;
        for (const [id, fields] of reply?.[0]?.[1] ?? []) {
          last = id;
          const parsed = MetricSample.safeParse(JSON.parse(fields[1] ?? 'null'));
          if (!parsed.success) continue;
          for (const listener of this.listeners.get(parsed.data.deploymentId) ?? []) listener(parsed.data);
        }
      } catch (error) {
        if (this.stopped) return;
        this.log.error({ err: error }, 'metrics fan-out read failed');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
}
