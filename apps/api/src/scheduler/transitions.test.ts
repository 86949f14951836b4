import { describe, expect, it } from 'vitest';
import { WeirError } from '@weir/contracts';
import { assertTransition, isTerminal } from './transitions';

describe('deployment transitions', () => {
  it('allows the normal life of a run', () => {
    for (const [from, to] of [
      ['PENDING', 'STARTING'],
      ['STARTING', 'RUNNING'],
      ['RUNNING', 'STOPPING'],
      ['STOPPING', 'STOPPED'],
      ['RUNNING', 'RESTARTING'],
      ['RESTARTING', 'STARTING'],
      ['RUNNING', 'SUSPENDING'],
      ['SUSPENDING', 'SUSPENDED'],
      ['SUSPENDED', 'PENDING'],
      ['LOST', 'RESTARTING'],
    ] as const) {
      expect(() => assertTransition(from, to)).not.toThrow();
    }
  });

  it('throws ILLEGAL_TRANSITION out of an ended state', () => {
    try {
      assertTransition('STOPPED', 'RUNNING');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WeirError);
      expect((error as WeirError).code).toBe('ILLEGAL_TRANSITION');
      expect((error as WeirError).details).toEqual({ from: 'STOPPED', to: 'RUNNING' });
    }
  });

  it('treats STOPPED, FINISHED and FAILED as terminal but not LOST or SUSPENDED', () => {
    expect(isTerminal('STOPPED')).toBe(true);
    expect(isTerminal('FINISHED')).toBe(true);
    expect(isTerminal('FAILED')).toBe(true);
    expect(isTerminal('LOST')).toBe(false);
    expect(isTerminal('SUSPENDED')).toBe(false);
  });

  it('never stores a run as LOST any more: a lost run restarts, stops or fails', () => {
    expect(() => assertTransition('RUNNING', 'LOST')).toThrow(WeirError);
  });
});
