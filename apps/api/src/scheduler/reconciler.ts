import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DeploymentRunPayload } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import type { ControlChannel } from './control';
import type { LivenessProbe } from './liveness';
import { deriveStatus } from './status';
import { transition } from './state-store';
import type { DeploymentState } from './transitions';

const open: DeploymentState[] = ['PENDING', 'STARTING', 'RUNNING', 'STOPPING', 'LOST'];

/** Brings each open deployment's observed state one step closer to its desired state. */
export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly queue: Queue<DeploymentRunPayload>,
    private readonly liveness: LivenessProbe,
    private readonly control: ControlChannel,
    private readonly options: { intervalMs: number; heartbeatTimeoutMs: number },
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.log.error({ err: error }, 'reconcile failed'))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every open deployment. */
  async tick(): Promise<void> {
    const deployments = await this.db.deployment.findMany({
      where: { state: { in: open } },
      include: { runs: { orderBy: { attempt: 'desc' }, take: 1 } },
    });
    const runIds = deployments.flatMap((d) => (d.runs[0] ? [d.runs[0].id] : []));
    const facts = await this.liveness.facts(runIds);
    for (const d of deployments) {
      const run = d.runs[0];
      if (!run) continue;
      const state = d.state as DeploymentState;
      const status = deriveStatus(state, facts.get(run.id) ?? null, this.options.heartbeatTimeoutMs);
      await this.reconcile({ id: d.id, desired: d.desiredState, state, status, runId: run.id });
    }
  }

  private async reconcile(d: { id: string; desired: 'RUNNING' | 'STOPPED'; state: DeploymentState; status: string; runId: string }) {
    const lost = { runId: d.runId, cause: 'WORKER_LOST' as const, error: 'the worker stopped renewing its lock and heartbeat' };
    if (d.status === 'LOST' && d.state !== 'LOST') {
      if (await transition(this.db, d.id, d.state, 'LOST', lost)) {
        this.log.warn({ deploymentId: d.id, runId: d.runId, from: d.state }, 'run lost');
      }
      return;
    }
    if (d.desired !== 'STOPPED') return;
    switch (d.state) {
      case 'PENDING': {
        // A run still waiting in the queue is simply withdrawn; a claimed one gets a stop command.
        const job = await this.queue.getJob(d.runId);
        const state = job ? await job.getState() : 'unknown';
        if (!job || state === 'waiting' || state === 'delayed' || state === 'prioritized') {
          await job?.remove();
          await transition(this.db, d.id, 'PENDING', 'STOPPED', { runId: d.runId, cause: 'STOPPED' });
        } else {
          await this.control.send({ kind: 'stop', deploymentId: d.id, runId: d.runId });
        }
        return;
      }
      case 'STARTING':
      case 'RUNNING':
        // Record STOPPING first: the worker's `stopped` event may come back within milliseconds.
        await transition(this.db, d.id, d.state, 'STOPPING');
        await this.control.send({ kind: 'stop', deploymentId: d.id, runId: d.runId });
        this.log.info({ deploymentId: d.id, runId: d.runId }, 'stop sent');
        return;
      case 'STOPPING':
        await this.control.send({ kind: 'stop', deploymentId: d.id, runId: d.runId });
        return;
      case 'LOST':
        await transition(this.db, d.id, 'LOST', 'STOPPED', lost);
        return;
      default:
        return;
    }
  }
}
