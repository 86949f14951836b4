/** The languages the console speaks; `en` is the source of every message. */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Where the chosen language is kept across reloads. */
export const LOCALE_STORAGE_KEY = 'weir.locale';

/** The BCP 47 tag of each locale: `<html lang>` and every `Intl` formatter use it. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-US', zh: 'zh-CN' };

/** What the language switch shows for each locale, in that locale's own words. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', zh: '中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale to start in: the one chosen before, else Chinese for a `zh*` browser, else English. */
export function initialLocale(stored: string | null, browserLanguage: string | undefined): Locale {
  if (isLocale(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : DEFAULT_LOCALE;
}
