import { LOCALE_TAGS } from '../i18n/locale';
import { currentLocale } from '../i18n/locale-store';
import { t } from '../i18n/t';

const tag = () => LOCALE_TAGS[currentLocale()];
// Formatters are costly to build and charts format on every frame: one per locale.
const integers = new Map<string, Intl.NumberFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();

/** Counts and rates as operators read them: rounded, with the locale's thousands separators ("1,998"). */
export function formatCount(value: number): string {
  const locale = tag();
  if (!integers.has(locale)) integers.set(locale, new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
  return integers.get(locale)!.format(value);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 minutes ago" ("3分钟前"); exact timestamps go in a title attribute next to it. */
export function formatRelativeTime(iso: string, nowMs: number = Date.now()): string {
  const deltaMs = new Date(iso).getTime() - nowMs;
  const locale = tag();
  if (!relatives.has(locale)) relatives.set(locale, new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const relative = relatives.get(locale)!;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(deltaMs) >= ms || unit === 'second') return relative.format(Math.round(deltaMs / ms), unit);
  }
  return iso;
}

/** A moment to the second in the locale's words; English keeps the day-month-year order of en-GB. */
export function formatTimestamp(iso: string): string {
  const locale = currentLocale();
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'medium' });
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

/** Durations as operators read them: "850 ms", "2.5 s", "3 min 20 s", "2 h 5 min" (in Chinese "3 分 20 秒"). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return t('format.ms', { n: Math.round(ms) });
  if (ms < 60_000) return t('format.s', { n: (ms / 1000).toFixed(ms < 10_000 ? 1 : 0).replace(/\.0$/, '') });
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    const seconds = totalSeconds % 60;
    return `${t('format.min', { n: Math.floor(totalSeconds / 60) })}${seconds ? ` ${t('format.s', { n: seconds })}` : ''}`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  const minutes = totalMinutes % 60;
  if (totalMinutes < 24 * 60) return `${t('format.h', { n: Math.floor(totalMinutes / 60) })}${minutes ? ` ${t('format.min', { n: minutes })}` : ''}`;
  return `${t('format.d', { n: Math.floor(totalMinutes / 1440) })} ${t('format.h', { n: Math.floor((totalMinutes % 1440) / 60) })}`;
}
