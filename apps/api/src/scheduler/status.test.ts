import { describe, expect, it } from 'vitest';
import { deriveStatus, lossCause } from './status';

const timeout = 5000;

describe('deriveStatus', () => {
  it('shows RUNNING only while the lock is held and the heartbeat is fresh', () => {
    expect(deriveStatus('RUNNING', { heartbeatAgeMs: 900, lockHeld: true, runEnded: false }, timeout)).toBe('RUNNING');
  });

  it('shows LOST when the heartbeat is older than the timeout', () => {
    expect(deriveStatus('RUNNING', { heartbeatAgeMs: 5001, lockHeld: true, runEnded: false }, timeout)).toBe('LOST');
  });

  it('shows LOST when the queue lock expired (the worker was killed)', () => {
    expect(deriveStatus('RUNNING', { heartbeatAgeMs: 100, lockHeld: false, runEnded: false }, timeout)).toBe('LOST');
  });

  it('shows LOST when there is no heartbeat at all', () => {
    expect(deriveStatus('STOPPING', { heartbeatAgeMs: null, lockHeld: true, runEnded: false }, timeout)).toBe('LOST');
    expect(deriveStatus('RUNNING', null, timeout)).toBe('LOST');
  });

  it('trusts the lock alone while a claimed run is still starting', () => {
    expect(deriveStatus('STARTING', { heartbeatAgeMs: null, lockHeld: true, runEnded: false }, timeout)).toBe('STARTING');
    expect(deriveStatus('STARTING', { heartbeatAgeMs: null, lockHeld: false, runEnded: false }, timeout)).toBe('LOST');
  });

  it('waits for the run event when the worker said it ended the run', () => {
    expect(deriveStatus('STOPPING', { heartbeatAgeMs: null, lockHeld: false, runEnded: true }, timeout)).toBe('STOPPING');
  });

  it('watches a suspending run like a running one', () => {
    expect(deriveStatus('SUSPENDING', { heartbeatAgeMs: 9000, lockHeld: true, runEnded: false }, timeout)).toBe('LOST');
  });

  it('tells a vanished worker from one that holds the lock but stopped beating', () => {
    expect(lossCause({ heartbeatAgeMs: 100, lockHeld: false, runEnded: false })).toBe('WORKER_LOST');
    expect(lossCause(null)).toBe('WORKER_LOST');
    expect(lossCause({ heartbeatAgeMs: 9000, lockHeld: true, runEnded: false })).toBe('UNRESPONSIVE');
  });

  it('leaves states without a live run as stored', () => {
    for (const state of ['PENDING', 'RESTARTING', 'SUSPENDED', 'STOPPED', 'FINISHED', 'FAILED', 'LOST'] as const) {
      expect(deriveStatus(state, null, timeout)).toBe(state);
    }
  });
});
