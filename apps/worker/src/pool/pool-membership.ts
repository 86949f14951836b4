import { JoinPoolResponse, WeirError, type ApiError } from '@weir/contracts';

/** The API's answer to a join: the queue to serve, or why this worker may not (revoked, unknown, shared pool). */
export type JoinAnswer = { ok: true; joined: JoinPoolResponse } | { ok: false; reason: string };

/**
 * A worker's membership of a workspace's exclusive pool, proven by its join token. The API is
 * asked at start which queue to serve and again periodically, so a revoked token stops the
 * worker claiming runs.
 */
export class PoolMembership {
  constructor(
    private readonly apiUrl: string,
    private readonly joinToken: string,
    private readonly workerId: string,
  ) {}

  /** Asks the API; throws only when it cannot be reached or answers something unexpected. */
  async ask(): Promise<JoinAnswer> {
    const url = `${this.apiUrl.replace(/\/$/, '')}/api/v1/pools/join`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ joinToken: this.joinToken, workerId: this.workerId }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new WeirError('UNAVAILABLE', `cannot reach the API at ${url} to join the pool`, { cause: error });
    }
    const body = (await res.json().catch(() => null)) as unknown;
    if (res.ok) return { ok: true, joined: JoinPoolResponse.parse(body) };
    if (res.status === 401 || res.status === 409) return { ok: false, reason: (body as ApiError | null)?.message ?? `refused (${res.status})` };
    throw new WeirError('UNAVAILABLE', `the API answered ${res.status} to the pool join: ${JSON.stringify(body)}`);
  }

  /** Joins at start: waits for the API to come up, and fails with the API's reason when refused. */
  async join(retryMs: number, onWaiting: (error: unknown) => void): Promise<JoinPoolResponse> {
    for (;;) {
      try {
        const answer = await this.ask();
        if (answer.ok) return answer.joined;
        throw new WeirError('UNAUTHENTICATED', `this worker may not join a pool: ${answer.reason}`);
      } catch (error) {
        if (error instanceof WeirError && error.code === 'UNAUTHENTICATED') throw error;
        onWaiting(error);
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
  }
}
