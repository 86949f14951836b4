'use client';

import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { useT } from '../i18n/i18n-provider';
import { LocaleSwitch } from '../i18n/locale-switch';
import type { Translate } from '../i18n/translator';
import { Button } from '../shell/button';
import { afterSignIn } from './browser-session';

/** What to tell the user when sign-in fails. */
function failureText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiRequestError)) return t('auth.unreachable');
  // The API's own words say how long a locked account stays locked.
  return error.code === 'UNAUTHENTICATED' ? t('auth.wrongPassword') : error.message;
}

export function LoginForm() {
  const next = useSearchParams().get('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const t = useT();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await apiClient.login({ email, password });
      window.location.assign(afterSignIn(next));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <div className="relative flex flex-1 items-center justify-center bg-zinc-100">
      <LocaleSwitch tone="light" className="absolute right-6 top-5" />
      <form onSubmit={(e) => void onSubmit(e)} className="flex w-80 flex-col gap-3 rounded border border-zinc-200 bg-white p-6 shadow-sm" data-testid="login-form">
        <h1 className="text-lg font-semibold text-zinc-900">{t('auth.title')}</h1>
        <label className="flex flex-col gap-1 text-sm text-zinc-700">
          {t('auth.email')}
          <input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className="rounded border border-zinc-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col gap-1 text-sm text-zinc-700">
          {t('auth.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} className="rounded border border-zinc-300 px-2 py-1.5" />
        </label>
        {failure !== null && (
          <p role="alert" data-testid="login-error" className="rounded border border-red-300 bg-red-50 px-2 py-1.5 text-sm text-red-900">
            {failureText(failure, t)}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={busy} data-testid="login-submit">
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </Button>
        <p className="text-xs text-zinc-500">{t('auth.firstAdmin')}</p>
      </form>
    </div>
  );
}
