import type { Deployment } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { deploymentStatus } from './deployment-status';

const deployment = (changes: Partial<Deployment> & { enabled?: boolean }): Deployment =>
  ({
    status: 'RUNNING',
    desiredState: 'RUNNING',
    checkpointing: { enabled: changes.enabled ?? true },
    ...changes,
  }) as Deployment;

describe('deploymentStatus', () => {
  it('offers Deploy only when no deployment is active', () => {
    expect(deploymentStatus.canDeploy(undefined)).toBe(true);
    for (const s of ['STOPPED', 'FAILED', 'FINISHED', 'SUSPENDED', 'LOST']) expect(deploymentStatus.canDeploy(s)).toBe(true);
    for (const s of ['PENDING', 'STARTING', 'RUNNING', 'RESTARTING', 'STOPPING', 'SUSPENDING']) expect(deploymentStatus.canDeploy(s)).toBe(false);
  });

  it('offers Stop while a run is or may come back, and for a suspended deployment', () => {
    for (const s of ['PENDING', 'RUNNING', 'RESTARTING', 'LOST', 'SUSPENDED']) expect(deploymentStatus.canStop(s)).toBe(true);
    for (const s of [undefined, 'STOPPING', 'STOPPED', 'FAILED']) expect(deploymentStatus.canStop(s)).toBe(false);
  });

  it('offers savepoints and suspend only with checkpointing on', () => {
    expect(deploymentStatus.canSavepoint(deployment({}))).toBe(true);
    expect(deploymentStatus.canSavepoint(deployment({ enabled: false }))).toBe(false);
    expect(deploymentStatus.canSavepoint(deployment({ status: 'RESTARTING' }))).toBe(false);
    expect(deploymentStatus.canSuspend(deployment({ status: 'RESTARTING' }))).toBe(true);
    expect(deploymentStatus.canSuspend(deployment({ enabled: false }))).toBe(false);
    expect(deploymentStatus.canSuspend(deployment({ desiredState: 'STOPPED' }))).toBe(false);
  });

  it('offers Resume for a suspended deployment only', () => {
    expect(deploymentStatus.canResume(deployment({ status: 'SUSPENDED', desiredState: 'SUSPENDED' }))).toBe(true);
    expect(deploymentStatus.canResume(deployment({ status: 'SUSPENDING', desiredState: 'SUSPENDED' }))).toBe(false);
    expect(deploymentStatus.canResume(null)).toBe(false);
  });
});
