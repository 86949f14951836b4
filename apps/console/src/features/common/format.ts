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

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Sizes in binary units with at most one decimal: "512 B", "4.2 KB", "1.5 GB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${BYTE_UNITS[unit]}`;
}

/** Durations as operators read them: "850 ms", "2.5 s", "3 min 20 s", "2 h 5 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0).replace(/\.0$/, '')} s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    const seconds = totalSeconds % 60;
    return `${Math.floor(totalSeconds / 60)} min${seconds ? ` ${seconds} s` : ''}`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  const minutes = totalMinutes % 60;
  if (totalMinutes < 24 * 60) return `${Math.floor(totalMinutes / 60)} h${minutes ? ` ${minutes} min` : ''}`;
  return `${Math.floor(totalMinutes / 1440)} d ${Math.floor((totalMinutes % 1440) / 60)} h`;
}
