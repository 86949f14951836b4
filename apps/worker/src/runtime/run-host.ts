import type { Logger } from 'pino';
import type { CheckpointResult, StopOptions } from '@weir/engine';
import { WeirError, type ControlCommand, type DeploymentRunPayload } from '@weir/contracts';
import type { SecretKeyring } from '@weir/contracts/secret-box';
import { deploymentStorageUri } from '../checkpoint/open-checkpoint-storage';
import type { ControlListener } from './control-listener';
import { IsolatedJob } from './isolated-job';
import type { UdfLimits } from './udf-sandbox';
import type { JobThreadPool } from './job-thread-pool';
import { MetricsSampler } from './metrics-sampler';
import { classifyFailure } from './run-failure';
import type { RunReporter } from './run-reporter';
import { redactError, resolveRunSecrets } from './run-secrets';

/** How a hosted run ended. */
export type RunOutcome = 'finished' | 'stopped';

/** Why the run is being stopped: asked to, the worker shutting down, or superseded by a newer attempt. */
type StopReason = 'command' | 'shutdown' | 'fenced';

export interface RunHostOptions {
  sampleIntervalMs: number;
  /** Root of every deployment's checkpoint folder (a directory or `s3://…`). */
  checkpointRoot: string;
  /** A run's thread that answers nothing for this long is terminated as UNRESPONSIVE. */
  unresponsiveMs: number;
  /** Where runs' threads come from. */
  threads: JobThreadPool;
  /** Decrypts the workspace secrets a run's SQL references. */
  keyring: SecretKeyring;
  /** Limits of the sandbox the run's user functions execute in. */
  udfLimits: UdfLimits;
  log: Logger;
}

/**
 * Hosts one run of a deployment: starts it on the engine in its own thread (an IsolatedJob, with
 * the run's memory limit) checkpointing into the deployment's folder, beats and samples once per
 * interval, checks its fencing epoch there and whenever the engine is about to complete a
 * checkpoint, obeys control commands (stop with or without savepoint or drain, trigger a
 * savepoint), and reports every checkpoint and the outcome. A failure is reported with its cause
 * and rethrown for the queue.
 */
export class RunHost {
  private handle: IsolatedJob | undefined;
  private sampling = false;
  private stopReason: StopReason | undefined;
  private stopOptions: StopOptions = {};
  private stopping: Promise<CheckpointResult | undefined> | undefined;

  constructor(
    private readonly payload: DeploymentRunPayload,
    private readonly reporter: RunReporter,
    private readonly control: (onCommand: (command: ControlCommand) => void) => ControlListener,
    private readonly options: RunHostOptions,
  ) {}

  /** Stops the engine run: asked for by a control command, forced by shutdown, or because the run was fenced. */
  requestStop(reason: StopReason, options: StopOptions = {}): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.stopOptions = options;
    if (this.handle) this.beginStop(this.handle);
  }

  async run(): Promise<RunOutcome> {
    const { deploymentId, runId } = this.payload;
    const log = this.options.log;
    await this.reporter.event({ kind: 'claimed' });
    await this.reporter.heartbeat();
    const listener = this.control((command) => this.onCommand(command));
    await listener.start();
    const sampler = new MetricsSampler(deploymentId, runId);
    // Beats from the claim on: restoring a large snapshot takes a while, and the run must not look dead meanwhile.
    const ticker = setInterval(() => {
      this.tick(sampler).catch((err: unknown) => log.error({ err, runId }, 'report failed'));
    }, this.options.sampleIntervalMs);
    let secretValues: string[] = [];
    try {
      const resolved = resolveRunSecrets(this.payload, this.options.keyring);
      secretValues = resolved.values;
      const handle = new IsolatedJob(
        { payload: resolved.payload, storageUri: deploymentStorageUri(this.options.checkpointRoot, deploymentId), udfLimits: this.options.udfLimits },
        {
          memoryLimitMb: this.payload.memoryLimitMb,
          unresponsiveMs: this.options.unresponsiveMs,
          threads: this.options.threads,
          fence: () => this.fence(),
          onCheckpoint: (checkpoint) => {
            this.reporter.event({ kind: 'checkpoint', checkpoint }).catch((err: unknown) => log.error({ err, runId }, 'checkpoint report failed'));
          },
        },
      );
      this.handle = handle;
      // `restored` and `done` reject together when the run fails before it started; `done` is awaited below.
      handle.done.catch(() => undefined);
      if (this.stopReason) this.beginStop(handle);
      const restored = await handle.restored;
      if (restored) await this.reporter.event({ kind: 'restored', restored });
      await this.reporter.event({ kind: 'started' });
      log.info({ deploymentId, runId, attempt: this.payload.attempt, restored: restored?.checkpointId ?? null }, 'run started');
      const { outcome, metrics } = await handle.done;
      const savepoint = await this.stopping;
      clearInterval(ticker);
      await this.reporter.sample(sampler.sample(metrics, Date.now()));
      if (outcome === 'stopped' && this.stopReason === 'fenced') {
        await this.reporter.event({ kind: 'failed', cause: 'FENCED', error: 'a newer attempt of the deployment superseded this run', recoverable: false });
      } else if (outcome === 'stopped' && this.stopReason === 'shutdown') {
        // Nobody asked this run to stop: its worker went away, which the scheduler fails over.
        await this.reporter.event({ kind: 'failed', cause: 'WORKER_LOST', error: 'the worker shut down while the run was active', recoverable: true });
      } else if (outcome === 'stopped') {
        await this.reporter.event({ kind: 'stopped', ...(savepoint ? { savepoint } : {}) });
      } else {
        await this.reporter.event({ kind: 'finished' });
      }
      log.info({ deploymentId, runId, outcome }, 'run ended');
      return outcome;
    } catch (raw) {
      // A connector's error may quote an option it was given (a password in a URL): nothing leaves with a secret in it.
      const error = redactError(raw, secretValues);
      const failure = classifyFailure(error);
      await this.reporter.event({ kind: 'failed', error: failure.message, ...(failure.stack ? { stack: failure.stack } : {}), cause: failure.cause, recoverable: failure.recoverable });
      log.error({ err: error, deploymentId, runId, cause: failure.cause }, 'run failed');
      throw error;
    } finally {
      clearInterval(ticker);
      await listener.close();
      await this.reporter.markEnded();
    }
  }

  private beginStop(handle: IsolatedJob): void {
    // A savepoint that cannot be taken fails the run; `done` carries that error.
    this.stopping = handle.stop(this.stopOptions).catch(() => undefined);
  }

  private async tick(sampler: MetricsSampler): Promise<void> {
    const reports: Promise<void>[] = [this.reporter.heartbeat()];
    // One metrics request at a time: a busy thread answers late, and the watchdog times the oldest.
    if (this.handle && !this.sampling) reports.push(this.sampleOnce(this.handle, sampler));
    await Promise.all(reports);
    // The engine checks the fence before each checkpoint completes; between checkpoints a superseded run stops here.
    if (await this.superseded()) this.requestStop('fenced');
  }

  private async sampleOnce(handle: IsolatedJob, sampler: MetricsSampler): Promise<void> {
    this.sampling = true;
    try {
      const metrics = await handle.metrics();
      await this.reporter.sample(sampler.sample(metrics, Date.now()));
    } catch (error) {
      // A run that ended meanwhile has no metrics to give; its outcome is reported by run().
      if (!handle.ended) throw error;
    } finally {
      this.sampling = false;
    }
  }

  private async superseded(): Promise<number | null> {
    const epoch = await this.reporter.deploymentEpoch();
    return epoch !== null && epoch > this.payload.epoch ? epoch : null;
  }

  private async fence(): Promise<void> {
    const epoch = await this.superseded();
    if (epoch !== null) {
      throw new WeirError('FENCED', `run ${this.payload.runId} (epoch ${this.payload.epoch}) was superseded by epoch ${epoch}`, {
        details: { runId: this.payload.runId, epoch: this.payload.epoch, deploymentEpoch: epoch },
      });
    }
  }

  private onCommand(command: ControlCommand): void {
    if (command.kind === 'stop') {
      this.requestStop('command', { savepoint: command.savepoint, drain: command.drain });
      return;
    }
    const { requestId } = command;
    const log = this.options.log;
    const answer = this.handle
      ? this.handle.triggerSavepoint().then(
          (savepoint) => this.reporter.savepointReply(requestId, { ok: true, savepoint }),
          (error: unknown) => {
            const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'SAVEPOINT_FAILED';
            return this.reporter.savepointReply(requestId, { ok: false, code, message: error instanceof Error ? error.message : String(error) });
          },
        )
      : this.reporter.savepointReply(requestId, { ok: false, code: 'NOT_STARTED', message: 'the run is still starting' });
    answer.catch((err: unknown) => log.error({ err, requestId }, 'savepoint reply failed'));
  }
}
