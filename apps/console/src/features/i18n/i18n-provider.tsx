'use client';

import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALE_TAGS, type Locale } from './locale';
import { chooseLocale, currentLocale, subscribeLocale } from './locale-store';
import { richText } from './rich-text';
import { translatorOf } from './t';
import { messageText, type ArgsOf, type MessageKey, type Translate } from './translator';

/** Translates a message whose placeholders take nodes (links, code) rather than text. */
export type TranslateRich = <K extends MessageKey>(key: K, ...args: ArgsOf<K, ReactNode>) => ReactNode;

/** `t` of the locale shown, with `t.rich` for markup and `t.locale` for formatters. */
export type BoundTranslate = Translate & { rich: TranslateRich; locale: Locale };

type I18n = { t: BoundTranslate; setLocale: (locale: Locale) => void };

function bind(locale: Locale): BoundTranslate {
  const rich: TranslateRich = (key, ...args) => {
    const params = (args[0] ?? {}) as Record<string, ReactNode>;
    return richText(messageText(locale, key, typeof params.count === 'number' ? params.count : undefined), params);
  };
  return Object.assign(((key, ...args) => translatorOf(locale)(key, ...args)) as Translate, { rich, locale });
}

const I18nContext = createContext<I18n>({ t: bind(DEFAULT_LOCALE), setLocale: chooseLocale });

/**
 * Gives every page the chosen locale. The server renders English (it cannot read localStorage);
 * the browser's choice takes over right after hydration, without a mismatch.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(subscribeLocale, currentLocale, () => DEFAULT_LOCALE);
  useEffect(() => {
    document.documentElement.lang = LOCALE_TAGS[locale];
  }, [locale]);
  const value = useMemo(() => ({ t: bind(locale), setLocale: chooseLocale }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translator of the locale shown; the component re-renders when the user switches. */
export function useT(): BoundTranslate {
  return useContext(I18nContext).t;
}

/** The locale shown and the switch to another. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { t, setLocale } = useContext(I18nContext);
  return { locale: t.locale, setLocale };
}
