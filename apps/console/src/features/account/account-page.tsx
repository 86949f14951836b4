'use client';

import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { useT } from '../i18n/i18n-provider';

/** The signed-in user's account: change the password (other sessions are signed out). */
export function AccountPage() {
  const { me } = useSession();
  const { busy, actionError, run } = useBusyAction<'change'>();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const t = useT();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void run('change', async () => {
      await apiClient.changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setDone(true);
    });
  };
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={`${me.user.name} · ${me.user.email}`} />
      <div className="flex max-w-md flex-col gap-3 p-6">
        <ErrorBanner error={actionError} />
        {done && <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{t('account.changed')}</p>}
        <form onSubmit={onSubmit} className="flex flex-col gap-3 rounded border border-zinc-200 bg-white p-4 text-sm">
          <label className="flex flex-col gap-1">
            {t('account.current')}
            <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} className="rounded border border-zinc-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            {t('account.next')}
            <input type="password" autoComplete="new-password" required minLength={8} value={next} onChange={(e) => setNext(e.target.value)} className="rounded border border-zinc-300 px-2 py-1" />
          </label>
          <Button type="submit" variant="primary" disabled={busy !== null}>{busy ? t('account.changing') : t('account.change')}</Button>
        </form>
      </div>
    </>
  );
}
