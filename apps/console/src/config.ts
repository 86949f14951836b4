/**
 * The console's server-side settings. Only the API proxy (a route handler) reads them, at
 * request time, so one build serves any deployment: nothing here is baked into the bundle.
 */
export type ConsoleConfig = {
  /** Origin of the Weir API the console proxies `/api/v1/*` to (WEIR_API_URL). */
  apiUrl: URL;
};

const DEFAULT_API_URL = 'http://127.0.0.1:4000';

let cached: ConsoleConfig | undefined;

export function consoleConfig(): ConsoleConfig {
  if (cached) return cached;
  const raw = process.env.WEIR_API_URL?.trim() || DEFAULT_API_URL;
  let apiUrl: URL;
  try {
    apiUrl = new URL(raw);
  } catch {
    throw new Error(`WEIR_API_URL must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (apiUrl.protocol !== 'http:' && apiUrl.protocol !== 'https:') {
    throw new Error(`WEIR_API_URL must use http or https, got ${apiUrl.protocol}`);
  }
  cached = { apiUrl };
  return cached;
}
