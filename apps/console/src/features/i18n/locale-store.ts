import { DEFAULT_LOCALE, initialLocale, LOCALE_STORAGE_KEY, type Locale } from './locale';

let chosen: Locale | null = null;
const listeners = new Set<() => void>();

function stored(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be off (privacy settings); the browser's language still decides.
    return null;
  }
}

/** The locale the browser shows: chosen before, else from `navigator.language`; English on the server. */
export function currentLocale(): Locale {
  if (typeof window === 'undefined') return DEFAULT_LOCALE;
  chosen ??= initialLocale(stored(), window.navigator.language);
  return chosen;
}

/** Switches every page to `locale` and remembers it. */
export function chooseLocale(locale: Locale): void {
  chosen = locale;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered then, but this page still switches.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` after each switch; returns the unsubscribe (the shape useSyncExternalStore takes). */
export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
