import type { RestartStrategy } from '@weir/contracts';
import type { Clock } from './clock';

/** What a restart strategy says about the failure just detected. */
export type RestartDecision = { restart: true; delayMs: number } | { restart: false; reason: string };

/**
 * Applies a restart strategy as Flink does. `failureTimesMs` holds every failure the strategy
 * counts (since the deploy or the last resume), oldest first, the one being decided last; `clock`
 * is the time of the decision and `random` (0 ≤ x < 1) moves exponential delays by their jitter.
 */
export function planRestart(
  strategy: RestartStrategy,
  failureTimesMs: readonly number[],
  clock: Clock,
  random: () => number = Math.random,
): RestartDecision {
  const failures = failureTimesMs.length;
  switch (strategy.kind) {
    case 'none':
      return { restart: false, reason: "the restart strategy is 'none'" };
    case 'fixed-delay':
      return failures > strategy.attempts
        ? { restart: false, reason: `fixed-delay restart strategy used its ${strategy.attempts} attempt(s)` }
        : { restart: true, delayMs: strategy.delayMs };
    case 'failure-rate': {
      const since = clock.now() - strategy.failureRateIntervalMs;
      const recent = failureTimesMs.filter((t) => t > since).length;
      return recent > strategy.maxFailuresPerInterval
        ? { restart: false, reason: `failure-rate restart strategy: ${recent} failures within ${strategy.failureRateIntervalMs} ms (at most ${strategy.maxFailuresPerInterval})` }
        : { restart: true, delayMs: strategy.delayMs };
    }
    case 'exponential-delay': {
      // Replays the history: each failure within the threshold of the previous one multiplies the
      // backoff; a longer quiet spell starts the backoff and the attempt count over.
      let backoffMs = strategy.initialBackoffMs;
      let attempts = 0;
      let previous: number | undefined;
      for (const at of failureTimesMs) {
        if (previous !== undefined && at - previous >= strategy.resetBackoffThresholdMs) {
          backoffMs = strategy.initialBackoffMs;
          attempts = 0;
        } else if (previous !== undefined) {
          backoffMs = Math.min(backoffMs * strategy.multiplier, strategy.maxBackoffMs);
        }
        attempts++;
        previous = at;
      }
      if (attempts > strategy.attempts) {
        return { restart: false, reason: `exponential-delay restart strategy used its ${strategy.attempts} attempt(s) since the backoff last reset` };
      }
      const jitterMs = backoffMs * strategy.jitterFactor * (2 * random() - 1);
      return { restart: true, delayMs: Math.max(0, Math.round(backoffMs + jitterMs)) };
    }
  }
}
