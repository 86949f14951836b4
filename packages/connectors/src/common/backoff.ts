/** Exponential backoff with full jitter: the wait before retry `attempt` (0-based), capped at `maxMs`. */
export function backoffMs(attempt: number, baseMs = 100, maxMs = 5_000): number {
  return Math.round(Math.random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

/** Waits `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `action`, retrying a failure up to `maxRetries` times with backoff; the last failure is
 * thrown. `retryable` decides which failures are worth a retry (a broken connection is, a
 * constraint violation is not).
 */
export async function withRetries<T>(action: () => Promise<T>, maxRetries: number, retryable: (error: unknown) => boolean = () => true): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= maxRetries || !retryable(error)) throw error;
      await sleep(backoffMs(attempt));
    }
  }
}
