import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { redisKeys, SavepointReply, WeirError, type Checkpoint } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import { recordCheckpoint, toCheckpoint, withRunAttempt } from '../scheduler/checkpoint-records';
import type { ControlChannel } from '../scheduler/control';
import type { DeploymentService } from './deployment-service';

const POLL_MS = 100;

/** Triggers savepoints of running deployments and waits for the worker's answer. */
export class SavepointService {
  private readonly keys;

  constructor(
    private readonly db: PrismaClient,
    private readonly redis: Redis,
    prefix: string,
    private readonly control: ControlChannel,
    private readonly deployments: DeploymentService,
    private readonly timeoutMs: number,
  ) {
    this.keys = redisKeys(prefix);
  }

  /**
   * Asks the worker running the deployment for a savepoint and returns it once written:
   * CONFLICT when nothing runs or checkpointing is off, TIMEOUT when no answer comes in time
   * (the savepoint may still complete and then shows in the checkpoint list), UNAVAILABLE when
   * the engine could not take it.
   */
  async trigger(workspaceId: string, deploymentId: string): Promise<Checkpoint> {
    const d = await this.deployments.get(workspaceId, deploymentId);
    const run = d.currentRun;
    if (d.status !== 'RUNNING' || !run) {
      throw new WeirError('CONFLICT', `a savepoint needs a RUNNING deployment; this one is ${d.status}`, { details: { status: d.status } });
    }
    if (!d.checkpointing.enabled) {
      throw new WeirError('CONFLICT', 'savepoints need checkpointing, which this deployment has off', { details: { status: d.status } });
    }
    const requestId = randomUUID();
    await this.control.send({ kind: 'savepoint', deploymentId, runId: run.id, requestId });
    const reply = await this.awaitReply(requestId);
    if (!reply.ok) {
      throw new WeirError(reply.code === 'CHECKPOINTING_OFF' ? 'CONFLICT' : 'UNAVAILABLE', `the savepoint failed: ${reply.message}`, {
        details: { engineCode: reply.code },
      });
    }
    await recordCheckpoint(this.db, deploymentId, run.id, reply.savepoint);
    const row = await this.db.checkpoint.findUniqueOrThrow({
      where: { deploymentId_kind_checkpointId: { deploymentId, kind: 'SAVEPOINT', checkpointId: reply.savepoint.checkpointId } },
      include: withRunAttempt,
    });
    return toCheckpoint(row);
  }

  private async awaitReply(requestId: string): Promise<SavepointReply> {
    const key = this.keys.savepointReply(requestId);
    const deadline = Date.now() + this.timeoutMs;
    while (Date.now() < deadline) {
      const text = await this.redis.getdel(key);
      if (text !== null) return SavepointReply.parse(JSON.parse(text));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new WeirError('TIMEOUT', `no savepoint within ${this.timeoutMs} ms; it may still complete and then shows in the checkpoint list`, {
      details: { requestId, timeoutMs: this.timeoutMs },
    });
  }
}
