import type { ConnectionProbe, RawSample } from '../connection-probe';
import { ProbeFailure } from '../connection-failure';

function headers(options: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).filter(([k]) => k.startsWith('headers.')).map(([k, v]) => [k.slice('headers.'.length), v]));
}

function urlFor(options: Record<string, string>, path?: string): string {
  if (!path) return options.url;
  return `${options.url.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

async function get(options: Record<string, string>, path: string | undefined, timeoutMs: number): Promise<Response> {
  const response = await fetch(urlFor(options, path), { headers: headers(options), signal: AbortSignal.timeout(timeoutMs) });
  if (response.status === 401 || response.status === 403) throw new ProbeFailure('AUTHENTICATION', `${urlFor(options, path)} refused the request (${response.status}); check the connection's headers`);
  if (response.status === 404) throw new ProbeFailure('NOT_FOUND', `${urlFor(options, path)} answered 404 Not Found`);
  return response;
}

/** Splits a body into records: a JSON array, one JSON document, or JSON lines. */
function recordsOf(body: string): string[] {
  const trimmed = body.trim();
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    return Array.isArray(parsed) ? parsed.map((item) => JSON.stringify(item)) : [trimmed];
  } catch {
    return trimmed.split('\n').filter((line) => line.trim() !== '');
  }
}

export const httpProbe: ConnectionProbe = {
  endpoint: (o) => `HTTP endpoint ${o.url ? new URL(o.url).origin : ''}`,
  async test(options, timeoutMs) {
    const response = await get(options, undefined, timeoutMs);
    await response.body?.cancel();
    return { server: `HTTP ${response.status}${response.headers.get('server') ? ` from ${response.headers.get('server')}` : ''}` };
  },
  async objects() {
    return { items: [], hint: 'type a path under the base URL to sample what a GET returns' };
  },
  async sample(options, object, limits): Promise<RawSample> {
    const response = await get(options, object, limits.maxSeconds * 1000);
    const messages = recordsOf(await response.text()).slice(0, limits.maxRows);
    return { kind: 'messages', messages, timedOut: false };
  },
};
