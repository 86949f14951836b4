import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_STRATEGY, DeploymentConfig, DeployRequest, RestartStrategy, StopRequest } from './deployments';
import { ControlCommand, RunEvent } from './queue';

describe('DeploymentConfig', () => {
  it('gives `{}` safe defaults: exponential restarts from 500 ms, no restore, 1 GB', () => {
    expect(DeploymentConfig.parse({})).toEqual({
      parallelism: 1,
      checkpointing: {},
      restartStrategy: DEFAULT_RESTART_STRATEGY,
      restore: { kind: 'NONE' },
      allowNonRestoredState: false,
      memoryLimitMb: 1024,
    });
    expect(DEFAULT_RESTART_STRATEGY).toMatchObject({ kind: 'exponential-delay', initialBackoffMs: 500, jitterFactor: 0.1 });
    expect(DeployRequest.parse({}).config).toEqual(DeploymentConfig.parse({}));
  });

  it("fills each restart strategy with Flink's defaults", () => {
    expect(RestartStrategy.parse({ kind: 'fixed-delay' })).toEqual({ kind: 'fixed-delay', attempts: 1, delayMs: 1000 });
    expect(RestartStrategy.parse({ kind: 'failure-rate' })).toEqual({
      kind: 'failure-rate', maxFailuresPerInterval: 1, failureRateIntervalMs: 60_000, delayMs: 1000,
    });
    expect(RestartStrategy.parse({ kind: 'exponential-delay' })).toMatchObject({ initialBackoffMs: 1000, maxBackoffMs: 300_000, multiplier: 2 });
    expect(RestartStrategy.parse({ kind: 'none' })).toEqual({ kind: 'none' });
  });

  it('names the field of a bad value', () => {
    const result = DeploymentConfig.safeParse({ checkpointing: { intervalMs: -1 }, restore: { kind: 'SAVEPOINT' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['checkpointing.intervalMs', 'restore.savepointId']));
  });

  it('takes 0 as checkpointing off and a chosen savepoint as restore', () => {
    const config = DeploymentConfig.parse({ checkpointing: { intervalMs: 0 }, restore: { kind: 'SAVEPOINT', savepointId: 'sp1' }, allowNonRestoredState: true });
    expect(config.checkpointing.intervalMs).toBe(0);
    expect(config.restore).toEqual({ kind: 'SAVEPOINT', savepointId: 'sp1' });
  });
});

describe('StopRequest and control commands', () => {
  it('reads an empty stop body as a plain stop', () => {
    expect(StopRequest.parse({})).toEqual({ savepoint: false, drain: false });
    expect(ControlCommand.parse({ kind: 'stop', deploymentId: 'd', runId: 'r' })).toEqual({
      kind: 'stop', deploymentId: 'd', runId: 'r', savepoint: false, drain: false,
    });
  });

  it('rejects a failed run event without its cause', () => {
    const base = { kind: 'failed', deploymentId: 'd', runId: 'r', workerId: 'w', ts: 1, error: 'boom', recoverable: true };
    expect(RunEvent.safeParse(base).success).toBe(false);
    expect(RunEvent.safeParse({ ...base, cause: 'EXCEPTION' }).success).toBe(true);
  });
});
