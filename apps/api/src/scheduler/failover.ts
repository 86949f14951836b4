import type { Logger } from 'pino';
import type { FailureCause } from '@weir/contracts';
import type { Prisma, PrismaClient, Run } from '@weir/db';
import type { Clock } from './clock';
import type { FencingEpochs } from './fencing-epochs';
import { planRestart } from './restart-strategy';
import { launchable, type LaunchableDeployment, type RunLauncher } from './run-launcher';
import { moveDeployment, type RunEnding } from './state-store';
import { storedDeployment } from './stored-deployment';
import type { DeploymentState } from './transitions';

/** A run that ended against its will: reported failed by its worker, or found lost by the reconciler. */
export interface RunFailure {
  deploymentId: string;
  runId: string;
  cause: FailureCause;
  message: string;
  stack?: string;
  /** False for failures a new attempt cannot cure (bad SQL, a refused restore): the deployment fails. */
  recoverable: boolean;
  /** When the run failed, epoch ms (a lost run: its last heartbeat), so downtime counts from there. */
  at: number;
}

/** What became of the deployment. */
export type FailoverOutcome = 'ignored' | 'stopped' | 'suspended' | 'failed' | 'restarting';

interface Decided {
  outcome: FailoverOutcome;
  failedRun?: Run;
  restart?: { deployment: LaunchableDeployment; run: Run; delayMs: number };
}

const lost: readonly FailureCause[] = ['WORKER_LOST', 'UNRESPONSIVE'];

/**
 * Failover: ends the failed run, records the failure, and applies the deployment's restart
 * strategy: the next attempt (restoring the newest completed snapshot) is queued after the
 * strategy's delay, or the deployment FAILS with the cause when the strategy gives up. A run
 * that was being stopped or suspended just ends there. Safe to call twice for one run (the
 * worker's report and the reconciler may both see a failure): only the first call acts.
 */
export class FailoverHandler {
  constructor(
    private readonly db: PrismaClient,
    private readonly launcher: RunLauncher,
    private readonly epochs: FencingEpochs,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly random: () => number = Math.random,
  ) {}

  async handle(failure: RunFailure): Promise<FailoverOutcome> {
    const decided = await this.db.$transaction((tx) => this.decide(tx, failure));
    const { deploymentId, runId } = failure;
    // A lost run may still be alive somewhere (a network partition): fence it, even when nothing replaces it.
    if (decided.failedRun && lost.includes(failure.cause)) await this.epochs.raise(deploymentId, decided.failedRun.epoch + 1);
    if (decided.restart) {
      const { deployment, run, delayMs } = decided.restart;
      await this.launcher.launch(deployment, run, delayMs);
      this.log.warn({ deploymentId, runId, cause: failure.cause, nextRunId: run.id, attempt: run.attempt, delayMs }, 'run failed, restarting');
    } else if (decided.outcome !== 'ignored') {
      this.log.warn({ deploymentId, runId, cause: failure.cause, outcome: decided.outcome }, 'run failed');
    }
    return decided.outcome;
  }

  private async decide(tx: Prisma.TransactionClient, failure: RunFailure): Promise<Decided> {
    // The row lock orders this against other failovers, deploys and resumes of the deployment.
    await tx.$queryRaw`SELECT id FROM "Deployment" WHERE id = ${failure.deploymentId} FOR UPDATE`;
    const d = await tx.deployment.findUnique({
      where: { id: failure.deploymentId },
      include: { ...launchable, runs: { orderBy: { attempt: 'desc' }, take: 1 } },
    });
    const run = d?.runs[0];
    if (!d || !run || run.id !== failure.runId || run.endedAt) return { outcome: 'ignored' };
    const state = d.state as DeploymentState;
    const ending: RunEnding = { runId: run.id, cause: lost.includes(failure.cause) ? 'WORKER_LOST' : 'FAILED', error: failure.message };
    if (d.desiredState === 'STOPPED') {
      await moveDeployment(tx, d.id, state, 'STOPPED', ending);
      return { outcome: 'stopped', failedRun: run };
    }
    if (d.desiredState === 'SUSPENDED') {
      // Resume restores the newest checkpoint instead of the savepoint that was not taken.
      await moveDeployment(tx, d.id, state, 'SUSPENDED', ending);
      return { outcome: 'suspended', failedRun: run };
    }
    const detectedAt = new Date(failure.at);
    const event = await tx.failoverEvent.create({
      data: {
        deploymentId: d.id, fromRunId: run.id, attempt: run.attempt, cause: failure.cause,
        message: failure.message, stack: failure.stack ?? null, detectedAt,
      },
    });
    if (!failure.recoverable) {
      await moveDeployment(tx, d.id, state, 'FAILED', ending, { cause: failure.cause, message: failure.message });
      return { outcome: 'failed', failedRun: run };
    }
    const history = await tx.failoverEvent.findMany({
      where: { deploymentId: d.id, detectedAt: { gte: d.failuresSince } },
      orderBy: { detectedAt: 'asc' },
      select: { detectedAt: true },
    });
    const decision = planRestart(storedDeployment(d).config.restartStrategy, history.map((h) => h.detectedAt.getTime()), this.clock, this.random);
    if (!decision.restart) {
      await moveDeployment(tx, d.id, state, 'FAILED', ending, { cause: failure.cause, message: `${decision.reason}; last failure: ${failure.message}` });
      return { outcome: 'failed', failedRun: run };
    }
    const next = await tx.run.create({ data: { deploymentId: d.id, attempt: run.attempt + 1, epoch: run.epoch + 1 } });
    await tx.failoverEvent.update({ where: { id: event.id }, data: { toRunId: next.id } });
    await moveDeployment(tx, d.id, state, 'RESTARTING', ending);
    return { outcome: 'restarting', failedRun: run, restart: { deployment: d, run: next, delayMs: decision.delayMs } };
  }
}
