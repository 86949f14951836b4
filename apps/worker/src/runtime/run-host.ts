import type { Logger } from 'pino';
import { compileJob, startJob, type JobHandle } from '@weir/engine';
import type { DeploymentRunPayload } from '@weir/contracts';
import type { ControlListener } from './control-listener';
import { MetricsSampler } from './metrics-sampler';
import type { RunReporter } from './run-reporter';

/** How a hosted run ended. */
export type RunOutcome = 'finished' | 'stopped';

/**
 * Hosts one run of a deployment on the engine: compiles the SQL, starts the job, beats and
 * samples once per interval, obeys control commands, and reports the outcome. A failure is
 * reported and rethrown for the queue to record.
 */
export class RunHost {
  private handle: JobHandle | undefined;
  private stopReason: 'command' | 'shutdown' | undefined;

  constructor(
    private readonly payload: DeploymentRunPayload,
    private readonly reporter: RunReporter,
    private readonly control: (onStop: () => void) => ControlListener,
    private readonly sampleIntervalMs: number,
    private readonly log: Logger,
  ) {}

  /** Stops the engine run: asked for by a control command, or forced by the worker shutting down. */
  requestStop(reason: 'command' | 'shutdown'): void {
    this.stopReason ??= reason;
    void this.handle?.stop();
  }

  async run(): Promise<RunOutcome> {
    const { deploymentId, runId } = this.payload;
    await this.reporter.event('claimed');
    await this.reporter.heartbeat();
    const listener = this.control(() => this.requestStop('command'));
    await listener.start();
    const sampler = new MetricsSampler(deploymentId, runId);
    let ticker: NodeJS.Timeout | undefined;
    try {
      const job = compileJob(this.payload.sql);
      this.handle = startJob(job);
      if (this.stopReason) void this.handle.stop();
      await this.reporter.event('started');
      this.log.info({ deploymentId, runId }, 'run started');
      const handle = this.handle;
      ticker = setInterval(() => {
        const sample = sampler.sample(handle.metrics(), Date.now());
        Promise.all([this.reporter.heartbeat(), this.reporter.sample(sample)]).catch((err: unknown) =>
          this.log.error({ err, runId }, 'report failed'),
        );
      }, this.sampleIntervalMs);
      const { outcome } = await handle.done;
      clearInterval(ticker);
      await this.reporter.sample(sampler.sample(handle.metrics(), Date.now()));
      if (outcome === 'stopped' && this.stopReason === 'shutdown') {
        // Nobody asked this run to stop: it was interrupted, which the scheduler must not read as STOPPED.
        await this.reporter.event('failed', 'the worker shut down while the run was active');
      } else {
        await this.reporter.event(outcome === 'finished' ? 'finished' : 'stopped');
      }
      this.log.info({ deploymentId, runId, outcome }, 'run ended');
      return outcome;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.reporter.event('failed', message);
      this.log.error({ err: error, deploymentId, runId }, 'run failed');
      throw error;
    } finally {
      clearInterval(ticker);
      await listener.close();
      await this.reporter.markEnded();
    }
  }
}
