const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Counts and rates as operators read them: rounded, with thousands separators ("1,998"). */
export function formatCount(value: number): string {
  return integer.format(value);
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 minutes ago"; exact timestamps go in a title attribute next to it. */
export function formatRelativeTime(iso: string, nowMs: number = Date.now()): string {
  const deltaMs = new Date(iso).getTime() - nowMs;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(deltaMs) >= ms || unit === 'second') return relative.format(Math.round(deltaMs / ms), unit);
  }
  return iso;
}

export function formatTimestamp(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}
