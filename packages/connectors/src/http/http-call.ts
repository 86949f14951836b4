import { EngineError } from '@weir/engine';
import { backoffMs, sleep } from '../common/backoff';

/** An HTTP answer worth retrying: 408, 429 and 5xx. */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * One request with a timeout, retried `maxRetries` times with backoff on network failures,
 * timeouts and retryable statuses (honouring Retry-After up to 30 s). Another status fails with
 * the status and the start of the answer's body.
 */
export async function callHttp(url: string, init: RequestInit & { timeoutMs: number }, maxRetries: number, what: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) });
      if (response.ok) return response;
      const body = (await response.text()).slice(0, 200);
      const last = `HTTP ${response.status}${body ? `: ${body}` : ''}`;
      if (!retryable(response.status) || attempt >= maxRetries) throw new EngineError(`${what} failed: ${last}`, { code: 'HTTP_FAILED', domain: response.status < 500 ? 'user' : 'external', details: { status: response.status } });
      const after = Number(response.headers.get('retry-after'));
      await sleep(Number.isFinite(after) && after > 0 ? Math.min(after, 30) * 1000 : backoffMs(attempt));
    } catch (error) {
      if (error instanceof EngineError) throw error;
      const last = (error as Error).name === 'TimeoutError' ? `no answer within ${init.timeoutMs} ms` : (error as Error).message;
      if (attempt >= maxRetries) throw new EngineError(`${what} failed after ${attempt + 1} attempts: ${last}`, { code: 'HTTP_FAILED', domain: 'external', cause: error });
      await sleep(backoffMs(attempt));
    }
  }
}
