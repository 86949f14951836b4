import { DeploymentConfig } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { defaultDeployForm, formFromConfig, formIssuesOf, toDeployRequest, type DeployForm } from './deploy-form';

const form = (changes: Partial<DeployForm>): DeployForm => ({ ...defaultDeployForm(), ...changes });

function configOf(changes: Partial<DeployForm>) {
  const result = toDeployRequest(form(changes));
  if (!result.ok) throw new Error(`unexpected issues ${JSON.stringify(result.issues)}`);
  return result.request.config;
}

function issuesOf(changes: Partial<DeployForm>) {
  const result = toDeployRequest(form(changes));
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('toDeployRequest', () => {
  it('deploys the untouched form exactly as an empty body would', () => {
    expect(configOf({})).toEqual(DeploymentConfig.parse({}));
  });

  it('leaves checkpointing fields out when empty, so the SQL SET stays in force', () => {
    expect(configOf({}).checkpointing).toEqual({});
    expect(configOf({ checkpointIntervalS: '1', checkpointMode: 'AT_LEAST_ONCE', incremental: 'on' }).checkpointing).toEqual({
      intervalMs: 1000,
      mode: 'AT_LEAST_ONCE',
      incremental: true,
    });
    expect(configOf({ checkpointIntervalS: '0', incremental: 'off' }).checkpointing).toEqual({ intervalMs: 0, incremental: false });
    expect(configOf({ checkpointIntervalS: '0.25' }).checkpointing.intervalMs).toBe(250);
  });

  it('builds each restart strategy from seconds, with the schema defaults for empty fields', () => {
    expect(configOf({ restart: 'none' }).restartStrategy).toEqual({ kind: 'none' });
    expect(configOf({ restart: 'fixed-delay', restartAttempts: '3', restartDelayS: '2.5' }).restartStrategy).toEqual({
      kind: 'fixed-delay',
      attempts: 3,
      delayMs: 2500,
    });
    expect(configOf({ restart: 'exponential-delay', initialBackoffS: '1', maxBackoffS: '60', backoffMultiplier: '1.5' }).restartStrategy).toMatchObject({
      kind: 'exponential-delay',
      initialBackoffMs: 1000,
      maxBackoffMs: 60_000,
      multiplier: 1.5,
    });
    expect(configOf({ restart: 'failure-rate', maxFailuresPerInterval: '5', failureRateIntervalS: '300', restartDelayS: '10' }).restartStrategy).toEqual({
      kind: 'failure-rate',
      maxFailuresPerInterval: 5,
      failureRateIntervalMs: 300_000,
      delayMs: 10_000,
    });
  });

  it('carries the restore choice, the chosen savepoint and allowNonRestoredState', () => {
    expect(configOf({ restore: 'LATEST_STATE' }).restore).toEqual({ kind: 'LATEST_STATE' });
    const chosen = configOf({ restore: 'SAVEPOINT', savepointId: 'sp-uuid', allowNonRestoredState: true });
    expect(chosen.restore).toEqual({ kind: 'SAVEPOINT', savepointId: 'sp-uuid' });
    expect(chosen.allowNonRestoredState).toBe(true);
  });

  it('carries the start offset, a timestamp as epoch milliseconds', () => {
    expect(configOf({}).startOffset).toBeUndefined();
    expect(configOf({ startOffset: 'earliest' }).startOffset).toEqual({ kind: 'earliest' });
    expect(configOf({ startOffset: 'timestamp', startTimestamp: '2026-01-02T03:04' }).startOffset).toEqual({
      kind: 'timestamp',
      timestampMs: new Date('2026-01-02T03:04').getTime(),
    });
  });

  it('carries parallelism and memory', () => {
    expect(configOf({ parallelism: '4', memoryLimitMb: '2048' })).toMatchObject({ parallelism: 4, memoryLimitMb: 2048 });
  });

  it('names the field of each problem, with limits in the unit the form uses', () => {
    expect(issuesOf({ parallelism: 'two' })).toEqual({ parallelism: 'not a number' });
    expect(issuesOf({ parallelism: '1.5' }).parallelism).toBe('a whole number');
    expect(issuesOf({ memoryLimitMb: '10' })).toEqual({ memoryLimitMb: 'at least 64' });
    expect(issuesOf({ checkpointIntervalS: '-1' })).toEqual({ checkpointIntervalS: 'at least 0 s' });
    expect(issuesOf({ restart: 'fixed-delay', restartDelayS: '99999' })).toEqual({ restartDelayS: 'at most 3600 s' });
    expect(issuesOf({ restore: 'SAVEPOINT' })).toEqual({ savepointId: 'choose a savepoint' });
    expect(issuesOf({ startOffset: 'timestamp' })).toEqual({ startTimestamp: 'choose a date and time' });
  });
});

describe('formIssuesOf', () => {
  it("puts the API's field issues on the form's fields", () => {
    expect(
      formIssuesOf([
        { path: 'config.restore.savepointId', message: "no completed savepoint 'x'" },
        { path: 'body.config.checkpointing.intervalMs', message: 'too small' },
        { path: 'version', message: 'no such version' },
      ]),
    ).toEqual({ savepointId: "no completed savepoint 'x'", checkpointIntervalS: 'too small' });
  });
});

describe('formFromConfig', () => {
  const roundTrip = (config: unknown) => {
    const parsed = DeploymentConfig.parse(config);
    expect(configOf(formFromConfig(parsed))).toEqual(parsed);
  };

  it('gives back the same config for every choice the form has, restore aside', () => {
    roundTrip({});
    roundTrip({ parallelism: 3, memoryLimitMb: 512, checkpointing: { intervalMs: 1000, mode: 'AT_LEAST_ONCE', incremental: true } });
    roundTrip({ checkpointing: { intervalMs: 0, incremental: false }, startOffset: { kind: 'latest' }, allowNonRestoredState: true });
    roundTrip({ startOffset: { kind: 'timestamp', timestampMs: new Date('2026-01-02T03:04').getTime() } });
    roundTrip({ restartStrategy: { kind: 'none' } });
    roundTrip({ restartStrategy: { kind: 'fixed-delay', attempts: 3, delayMs: 500 } });
    roundTrip({ restartStrategy: { kind: 'exponential-delay', initialBackoffMs: 2000, maxBackoffMs: 60_000, multiplier: 1.5 } });
    roundTrip({ restartStrategy: { kind: 'exponential-delay', attempts: 7 } });
    roundTrip({ restartStrategy: { kind: 'failure-rate', maxFailuresPerInterval: 5, failureRateIntervalMs: 300_000, delayMs: 10_000 } });
  });

  it('keeps the platform default strategy as the default choice, and starts the restore over', () => {
    const form = formFromConfig(DeploymentConfig.parse({ restore: { kind: 'SAVEPOINT', savepointId: 'x' } }));
    expect(form.restart).toBe('');
    expect(form.restore).toBe('NONE');
    expect(form.savepointId).toBe('');
  });
});
