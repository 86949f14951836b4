import type { Redis } from 'ioredis';
import { redisKeys, type ControlCommand } from '@weir/contracts';

/** Sends control commands to the worker running a deployment. */
export class ControlChannel {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  /**
   * Publishes the command and also leaves it in a key, so a worker that subscribes after the
   * publish (it was still starting) still finds it.
   */
  async send(command: ControlCommand): Promise<void> {
    const channel = this.keys.controlChannel(command.deploymentId);
    const message = JSON.stringify(command);
    await this.redis.multi().set(channel, message, 'PX', 60_000).publish(channel, message).exec();
  }
}
