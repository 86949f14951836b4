import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_STRATEGY, RestartStrategy } from '@weir/contracts';
import type { Clock } from './clock';
import { planRestart } from './restart-strategy';

const at = (ms: number): Clock => ({ now: () => ms });
const noJitter = () => 0.5;

describe('planRestart', () => {
  it("'none' never restarts", () => {
    expect(planRestart({ kind: 'none' }, [1000], at(1000))).toEqual({ restart: false, reason: expect.stringContaining('none') });
  });

  it('fixed-delay restarts after its delay until the attempts are used', () => {
    const strategy = RestartStrategy.parse({ kind: 'fixed-delay', attempts: 2, delayMs: 700 });
    expect(planRestart(strategy, [1], at(1))).toEqual({ restart: true, delayMs: 700 });
    expect(planRestart(strategy, [1, 2], at(2))).toEqual({ restart: true, delayMs: 700 });
    expect(planRestart(strategy, [1, 2, 3], at(3))).toEqual({ restart: false, reason: expect.stringContaining('2 attempt') });
  });

  it('failure-rate gives up only when too many failures fall inside the interval', () => {
    const strategy = RestartStrategy.parse({ kind: 'failure-rate', maxFailuresPerInterval: 2, failureRateIntervalMs: 10_000, delayMs: 300 });
    expect(planRestart(strategy, [0, 5000], at(5000))).toEqual({ restart: true, delayMs: 300 });
    expect(planRestart(strategy, [0, 5000, 9000], at(9000))).toMatchObject({ restart: false, reason: expect.stringContaining('3 failures') });
    // The first failure has left the window: two within it are allowed.
    expect(planRestart(strategy, [0, 5000, 12_000], at(12_000))).toEqual({ restart: true, delayMs: 300 });
  });

  it('exponential-delay multiplies the backoff up to its maximum', () => {
    const strategy = RestartStrategy.parse({ kind: 'exponential-delay', initialBackoffMs: 100, multiplier: 3, maxBackoffMs: 1000, jitterFactor: 0 });
    const delays = [1, 2, 3, 4].map((n) => planRestart(strategy, Array.from({ length: n }, (_, i) => i * 10), at(n * 10)));
    expect(delays).toEqual([100, 300, 900, 1000].map((delayMs) => ({ restart: true, delayMs })));
  });

  it('exponential-delay starts over after a run stayed up past the reset threshold', () => {
    const strategy = RestartStrategy.parse({ kind: 'exponential-delay', initialBackoffMs: 100, resetBackoffThresholdMs: 60_000, jitterFactor: 0, attempts: 2 });
    expect(planRestart(strategy, [0, 1000], at(1000))).toEqual({ restart: true, delayMs: 200 });
    expect(planRestart(strategy, [0, 1000, 2000], at(2000))).toMatchObject({ restart: false });
    expect(planRestart(strategy, [0, 1000, 61_000], at(61_000))).toEqual({ restart: true, delayMs: 100 });
  });

  it('exponential-delay moves each delay by at most its jitter', () => {
    const strategy = RestartStrategy.parse({ kind: 'exponential-delay', initialBackoffMs: 1000, jitterFactor: 0.1 });
    expect(planRestart(strategy, [0], at(0), () => 0)).toEqual({ restart: true, delayMs: 900 });
    expect(planRestart(strategy, [0], at(0), () => 0.999_999)).toEqual({ restart: true, delayMs: 1100 });
    expect(planRestart(strategy, [0], at(0), noJitter)).toEqual({ restart: true, delayMs: 1000 });
  });

  it('the default strategy restarts a first failure within 550 ms', () => {
    const decision = planRestart(DEFAULT_RESTART_STRATEGY, [0], at(0));
    expect(decision.restart && decision.delayMs).toBeLessThanOrEqual(550);
  });
});
