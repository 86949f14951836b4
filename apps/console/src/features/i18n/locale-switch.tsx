'use client';

import { useLocale } from './i18n-provider';
import { LOCALE_NAMES, LOCALES } from './locale';

/** "English / 中文": each language named in its own words, the current one marked. */
export function LocaleSwitch({ className = '', tone = 'dark' }: { className?: string; tone?: 'dark' | 'light' }) {
  const { locale, setLocale } = useLocale();
  const idle = tone === 'dark' ? 'text-zinc-400 hover:text-white' : 'text-zinc-500 hover:text-zinc-900';
  const active = tone === 'dark' ? 'text-white font-semibold' : 'text-zinc-900 font-semibold';
  return (
    <div role="group" aria-label="Language / 语言" data-testid="locale-switch" className={`flex items-center gap-1.5 text-xs ${className}`}>
      {LOCALES.map((option, i) => (
        <span key={option} className="flex items-center gap-1.5">
          {i > 0 && <span className="text-zinc-500">/</span>}
          <button
            type="button"
            lang={option}
            data-testid={`locale-${option}`}
            aria-pressed={option === locale}
            onClick={() => setLocale(option)}
            className={option === locale ? active : idle}
          >
            {LOCALE_NAMES[option]}
          </button>
        </span>
      ))}
    </div>
  );
}
