import { currentLocale } from './locale-store';
import { translator, type Translate } from './translator';
import { LOCALES, type Locale } from './locale';

const bound = Object.fromEntries(LOCALES.map((locale) => [locale, translator(locale)])) as Record<Locale, Translate>;

/**
 * Translates in the locale the browser shows, for code outside components (formatters, error
 * texts the console writes). Components use `useT()`, which re-renders them on a switch.
 */
export const t: Translate = (key, ...args) => bound[currentLocale()](key, ...args);

/** The `Translate` of one locale, shared so a context value stays the same between renders. */
export function translatorOf(locale: Locale): Translate {
  return bound[locale];
}
