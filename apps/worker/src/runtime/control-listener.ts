import type { Redis } from 'ioredis';
import { ControlCommand, type RedisKeys } from '@weir/contracts';

/**
 * Delivers control commands for one run: those published while it runs, and one left in the
 * control key before it subscribed (the scheduler writes both).
 */
export class ControlListener {
  private readonly channel: string;

  constructor(
    private readonly subscriber: Redis,
    private readonly redis: Redis,
    keys: RedisKeys,
    private readonly run: { deploymentId: string; runId: string },
    private readonly onCommand: (command: ControlCommand) => void,
  ) {
    this.channel = keys.controlChannel(run.deploymentId);
  }

  private readonly onMessage = (channel: string, message: string) => {
    if (channel === this.channel) this.deliver(message);
  };

  async start(): Promise<void> {
    this.subscriber.on('message', this.onMessage);
    await this.subscriber.subscribe(this.channel);
    const pending = await this.redis.get(this.channel);
    if (pending) this.deliver(pending);
  }

  async close(): Promise<void> {
    this.subscriber.off('message', this.onMessage);
    await this.subscriber.unsubscribe(this.channel);
  }

  private deliver(message: string): void {
    let json: unknown;
    try {
      json = JSON.parse(message);
    } catch {
      return;
    }
    const parsed = ControlCommand.safeParse(json);
    if (parsed.success && parsed.data.runId === this.run.runId) this.onCommand(parsed.data);
  }
}
