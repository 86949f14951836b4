/** Legacy (pre-FLIP-122) option keys and the keys they stand for today. */
const LEGACY_KEYS: Record<string, string> = {
  'connector.type': 'connector',
  'connector.path': 'path',
  'format.type': 'format',
};

/** Legacy keys that only described the old factory discovery; they mean nothing now. */
const DROPPED_KEYS = new Set(['connector.property-version', 'format.property-version', 'format.derive-schema']);

/** Legacy `format.<x>` options that became `<format>.<x>`. */
const FORMAT_KEYS = new Set(['field-delimiter', 'line-delimiter', 'quote-character', 'allow-comments', 'ignore-parse-errors', 'array-element-delimiter', 'escape-character', 'null-literal', 'fail-on-missing-field']);

/**
 * Maps the legacy `connector.type` style of WITH options (q13's side input: 'connector.type' =
 * 'filesystem', 'connector.path', 'format.type' = 'csv') to today's keys. Returns undefined when
 * the options are not legacy ones; otherwise each new key with the legacy key it came from, so
 * diagnostics can point at what the user wrote.
 */
export function mapLegacyOptions(options: Record<string, string>): { options: Record<string, string>; origin: Record<string, string> } | undefined {
  if (options.connector !== undefined || options['connector.type'] === undefined) return undefined;
  const mapped: Record<string, string> = {};
  const origin: Record<string, string> = {};
  const format = options['format.type'];
  for (const [key, value] of Object.entries(options)) {
    if (DROPPED_KEYS.has(key)) continue;
    const formatKey = key.startsWith('format.') ? key.slice('format.'.length) : undefined;
    const target = LEGACY_KEYS[key] ?? (format && formatKey && FORMAT_KEYS.has(formatKey) ? `${format}.${formatKey}` : key);
    mapped[target] = value;
    origin[target] = key;
  }
  return { options: mapped, origin };
}
