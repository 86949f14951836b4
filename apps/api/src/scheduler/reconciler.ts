import type { Logger } from 'pino';
import { poolQueueOf } from '@weir/contracts';
import type { PrismaClient, Run } from '@weir/db';
import type { Clock } from './clock';
import type { ControlChannel } from './control';
import type { FailoverHandler } from './failover';
import type { LivenessProbe } from './liveness';
import type { PoolQueues } from './pool-queues';
import { launchable, type LaunchableDeployment, type RunLauncher } from './run-launcher';
import { deriveStatus, lossCause, type LivenessFacts } from './status';
import { transition } from './state-store';
import { storedDeployment } from './stored-deployment';
import type { DeploymentState } from './transitions';

const open: DeploymentState[] = ['PENDING', 'STARTING', 'RUNNING', 'RESTARTING', 'STOPPING', 'SUSPENDING', 'LOST'];
const queued: readonly DeploymentState[] = ['PENDING', 'RESTARTING'];
/** Time a launch has to record its queue job, and a failed queue job's worker to report why, before the reconciler steps in. */
const GRACE_MS = 5000;

type Open = LaunchableDeployment & { runs: Run[] };

/**
 * Brings each open deployment's observed state one step closer to its desired state: fails over
 * runs the liveness facts show lost, sends stop and suspend commands, withdraws queued runs that
 * are no longer wanted, and queues again a run whose queue job went missing. Never leaves a
 * deployment waiting on something that cannot happen.
 */
export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly queues: PoolQueues,
    private readonly liveness: LivenessProbe,
    private readonly control: ControlChannel,
    private readonly launcher: RunLauncher,
    private readonly failover: FailoverHandler,
    private readonly clock: Clock,
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

  /** One pass over every open deployment (and every suspended one asked to stop). */
  async tick(): Promise<void> {
    // One snapshot: Prisma reads the runs in a second query, and a failover committing in between
    // would pair the old run's state with the new, unclaimed run (then taken for lost).
    const deployments = await this.db.$transaction(
      (tx) => tx.deployment.findMany({
        where: { OR: [{ state: { in: open } }, { state: 'SUSPENDED', desiredState: 'STOPPED' }] },
        include: { ...launchable, runs: { orderBy: { attempt: 'desc' }, take: 1 } },
      }),
      { isolationLevel: 'RepeatableRead' },
    );
    const facts = await this.liveness.facts(deployments.flatMap((d) => (d.runs[0] ? [d.runs[0]] : [])));
    for (const d of deployments) {
      const run = d.runs[0];
      if (!run) continue;
      try {
        await this.reconcile(d, run, facts.get(run.id) ?? null);
      } catch (error) {
        this.log.error({ err: error, deploymentId: d.id }, 'reconcile of a deployment failed');
      }
    }
  }

  private async reconcile(d: Open, run: Run, facts: LivenessFacts | null): Promise<void> {
    const state = d.state as DeploymentState;
    const status = deriveStatus(state, facts, this.options.heartbeatTimeoutMs);
    if (status === 'LOST') {
      const heartbeatAgeMs = facts?.heartbeatAgeMs ?? 0;
      await this.failover.handle({
        deploymentId: d.id, runId: run.id, cause: lossCause(facts), recoverable: true,
        message: state === 'LOST' ? 'the run was lost before this release of the scheduler' : 'the worker stopped renewing its lock and heartbeat',
        at: this.clock.now() - heartbeatAgeMs,
      });
      return;
    }
    if (queued.includes(state)) {
      if (d.desiredState === 'RUNNING') await this.keepQueued(d, run);
      else await this.withdraw(d, run, state);
      return;
    }
    if (d.desiredState === 'RUNNING') return;
    const suspend = d.desiredState === 'SUSPENDED';
    switch (state) {
      case 'STARTING':
      case 'RUNNING':
        // Record the move first: the worker's `stopped` event may come back within milliseconds.
        await transition(this.db, d.id, state, suspend ? 'SUSPENDING' : 'STOPPING');
        await this.sendStop(d, run, suspend);
        this.log.info({ deploymentId: d.id, runId: run.id, suspend }, 'stop sent');
        return;
      case 'STOPPING':
      case 'SUSPENDING':
        // Resent each pass: a worker that subscribed late, or restarted its listener, still gets it.
        await this.sendStop(d, run, state === 'SUSPENDING');
        return;
      case 'SUSPENDED':
        await transition(this.db, d.id, 'SUSPENDED', 'STOPPED');
        return;
      default:
        return;
    }
  }

  private async sendStop(d: Open, run: Run, suspend: boolean): Promise<void> {
    const { savepoint, drain } = suspend ? { savepoint: true, drain: false } : storedDeployment(d).stopRequest;
    await this.control.send({ kind: 'stop', deploymentId: d.id, runId: run.id, savepoint, drain });
  }

  /** A wanted run waiting for a worker: queue it again when its job is missing, fail it over when its job failed. */
  private async keepQueued(d: Open, run: Run): Promise<void> {
    const now = this.clock.now();
    if (run.queueJobId === null) {
      if (now - run.createdAt.getTime() > GRACE_MS) await this.launcher.launch(d, run);
      return;
    }
    const job = await this.queues.get(poolQueueOf(run.queue)).getJob(run.id);
    if (!job) {
      this.log.warn({ deploymentId: d.id, runId: run.id }, 'queue job missing, queued again');
      await this.launcher.launch(d, run);
      return;
    }
    const jobState = await job.getState();
    const failedLongAgo = jobState === 'failed' && now - (job.finishedOn ?? now) > GRACE_MS;
    // Claimed, but the lock is gone before the worker even said so: the worker died at once.
    // The lock is read after the job state: read before it, a claim in between looks lock-less.
    const claimedAndLost = jobState === 'active' && !(await this.liveness.facts([run])).get(run.id)?.lockHeld;
    if (!failedLongAgo && !claimedAndLost) return;
    const stalled = claimedAndLost || /stalled/i.test(job.failedReason ?? '');
    await this.failover.handle({
      deploymentId: d.id, runId: run.id, recoverable: true, at: job.finishedOn ?? now,
      cause: stalled ? 'WORKER_LOST' : 'EXCEPTION',
      message: stalled ? 'the worker was lost as it claimed the run' : `the run's queue job failed: ${job.failedReason ?? 'no reason given'}`,
    });
  }

  /** A queued run no longer wanted: withdrawn while it waits, told to stop once claimed. */
  private async withdraw(d: Open, run: Run, state: DeploymentState): Promise<void> {
    const job = await this.queues.get(poolQueueOf(run.queue)).getJob(run.id);
    const jobState = job ? await job.getState() : 'unknown';
    if (jobState === 'active') {
      await this.sendStop(d, run, d.desiredState === 'SUSPENDED');
      return;
    }
    await job?.remove();
    await transition(this.db, d.id, state, d.desiredState === 'SUSPENDED' ? 'SUSPENDED' : 'STOPPED', { runId: run.id, cause: 'STOPPED' });
  }
}
