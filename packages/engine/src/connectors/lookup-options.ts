import type { ConnectorProblem } from './connector';
import { parseDurationMs } from './datagen/datagen-options';

/** Flink's LookupOptions, the cache options of a lookup (dimension) table. */
export const LOOKUP_OPTIONS = [
  'lookup.cache', 'lookup.partial-cache.max-rows', 'lookup.partial-cache.expire-after-write', 'lookup.partial-cache.expire-after-access',
  'lookup.partial-cache.cache-missing-key', 'lookup.full-cache.reload-strategy', 'lookup.full-cache.periodic-reload.interval', 'lookup.async',
] as const;

export type LookupCacheSpec =
  | { kind: 'NONE' }
  | { kind: 'PARTIAL'; maxRows: number; expireAfterWriteMs: number | null; expireAfterAccessMs: number | null; cacheMissingKey: boolean }
  /** `reloadIntervalMs` null: loaded once (no periodic reload). */
  | { kind: 'FULL'; reloadIntervalMs: number | null };

/**
 * Reads the cache options; `defaultKind` is the cache a connector uses when `lookup.cache` is absent
 * (FULL for a file, which is read whole anyway). `lookup.async` is accepted: every lookup source may
 * answer with a promise, and the join batches and orders its lookups either way.
 */
export function readLookupCacheSpec(options: Record<string, string>, defaultKind: LookupCacheSpec['kind']): { spec: LookupCacheSpec; problems: ConnectorProblem[] } {
  const problems: ConnectorProblem[] = [];
  const invalid = (option: string, expected: string) => problems.push({ code: 'OPTION_INVALID', message: `option '${option}' must be ${expected}, got '${options[option]}'`, option });
  const duration = (option: string): number | null => {
    const text = options[option];
    if (text === undefined) return null;
    const ms = parseDurationMs(text);
    if (ms === undefined || ms <= 0) invalid(option, "a positive duration such as '10 min'");
    return ms ?? null;
  };
  const kindText = (options['lookup.cache'] ?? defaultKind).toUpperCase();
  const kind = kindText === 'NONE' || kindText === 'PARTIAL' || kindText === 'FULL' ? kindText : undefined;
  if (!kind) invalid('lookup.cache', "'NONE', 'PARTIAL' or 'FULL'");
  const missing = options['lookup.partial-cache.cache-missing-key'] ?? 'true';
  if (!/^(true|false)$/i.test(missing)) invalid('lookup.partial-cache.cache-missing-key', "'true' or 'false'");
  const async = options['lookup.async'];
  if (async !== undefined && !/^(true|false)$/i.test(async)) invalid('lookup.async', "'true' or 'false'");
  const maxRowsText = options['lookup.partial-cache.max-rows'];
  const maxRows = maxRowsText === undefined ? Number.POSITIVE_INFINITY : Number(maxRowsText);
  if (!(maxRows >= 1 && (Number.isInteger(maxRows) || maxRows === Number.POSITIVE_INFINITY))) invalid('lookup.partial-cache.max-rows', 'a positive integer');
  const strategy = (options['lookup.full-cache.reload-strategy'] ?? 'PERIODIC').toUpperCase();
  // TIMED reloads at a time of day, which a bounded run never reaches reliably; it is refused rather than ignored.
  if (strategy !== 'PERIODIC') invalid('lookup.full-cache.reload-strategy', "'PERIODIC'");
  const expireAfterWriteMs = duration('lookup.partial-cache.expire-after-write');
  const expireAfterAccessMs = duration('lookup.partial-cache.expire-after-access');
  const reloadIntervalMs = duration('lookup.full-cache.periodic-reload.interval');
  const spec: LookupCacheSpec = kind === 'PARTIAL'
    ? { kind, maxRows, expireAfterWriteMs, expireAfterAccessMs, cacheMissingKey: missing.toLowerCase() === 'true' }
    : kind === 'NONE' ? { kind } : { kind: 'FULL', reloadIntervalMs };
  return { spec, problems };
}
