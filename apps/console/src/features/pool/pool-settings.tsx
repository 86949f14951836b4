'use client';

import type { CreatedPoolJoinToken, PoolMode } from '@weir/contracts';
import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { LastUsedCell, RevokeCell } from '../shell/credential-cells';
import { PageHeader } from '../shell/page-header';
import { SecretOnce } from '../shell/secret-once';
import { TableHead, type Column } from '../shell/table-head';

const COLUMNS: Column[] = [
  { label: 'Name' },
  { label: 'Token', className: 'w-44' },
  { label: 'Created by', className: 'w-48' },
  { label: 'Last joined', className: 'w-56' },
  { label: '', className: 'w-28' },
];

const MODES: { mode: PoolMode; title: string; text: string }[] = [
  { mode: 'shared', title: 'Shared pool', text: "Deployments run on the platform's shared workers." },
  { mode: 'exclusive', title: 'Exclusive pool', text: 'Deployments run only on workers started with one of this workspace\'s join tokens.' },
];

/** Owners choose where the workspace's deployments run and manage the join tokens of its own workers. */
export function PoolSettings() {
  const { me } = useSession();
  const workspaceId = me.workspace?.id ?? '';
  const pool = useApiResource(`pool:${workspaceId}`, (signal) => apiClient.getPool(workspaceId, signal));
  const tokens = useApiResource(`join-tokens:${workspaceId}`, (signal) => apiClient.listJoinTokens(workspaceId, signal));
  const { busy, actionError, run } = useBusyAction<'mode' | 'create' | 'revoke'>();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedPoolJoinToken | null>(null);

  const onMode = (mode: PoolMode) => {
    const warning = mode === 'shared'
      ? 'Move new runs back to the shared pool? Workers that joined this workspace are refused at their next check.'
      : 'Run new deployments only on this workspace\'s own workers? Until a worker joins, new runs wait.';
    if (!window.confirm(warning)) return;
    void run('mode', async () => pool.setData(await apiClient.setPoolMode(workspaceId, mode)));
  };
  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    void run('create', async () => {
      setCreated(await apiClient.createJoinToken(workspaceId, name));
      setName('');
      tokens.reload();
    });
  };
  const current = pool.data?.mode;
  return (
    <>
      <PageHeader title="Worker pool" subtitle={`Where ${me.workspace?.name ?? 'this workspace'}'s deployments run`} />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={pool.error ?? tokens.error ?? actionError} />
        <div className="grid grid-cols-2 gap-3" data-testid="pool-modes">
          {MODES.map((m) => (
            <div key={m.mode} data-testid={`pool-mode-${m.mode}`} className={`flex flex-col gap-2 rounded border bg-white p-3 text-sm ${current === m.mode ? 'border-sky-500 ring-1 ring-sky-500' : 'border-zinc-200'}`}>
              <div className="flex items-center justify-between">
                <span className="font-medium">{m.title}</span>
                {current === m.mode ? <span className="text-xs font-medium text-sky-700">in use</span> : <Button disabled={busy !== null || !pool.data} onClick={() => onMode(m.mode)}>Use</Button>}
              </div>
              <p className="text-zinc-600">{m.text}</p>
            </div>
          ))}
        </div>
        {pool.data && <p className="text-xs text-zinc-500">Queue <code className="font-mono" data-testid="pool-queue">{pool.data.queue}</code>. Runs already placed stay where they are; restarts and new deployments follow the setting.</p>}
        {created && (
          <SecretOnce
            label={`Join token "${created.name}" is ready. Start a worker with WEIR_POOL_JOIN_TOKEN set to it (and WEIR_API_URL pointing at this API).`}
            secret={created.token}
            onDone={() => setCreated(null)}
          />
        )}
        <form onSubmit={onCreate} data-testid="create-join-token-form" className="flex flex-wrap items-end gap-2 rounded border border-zinc-200 bg-white p-3 text-sm">
          <label className="flex flex-col gap-1">
            Join token name
            <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. rack-1" className="w-56 rounded border border-zinc-300 px-2 py-1" />
          </label>
          <Button type="submit" variant="primary" disabled={busy !== null}>{busy === 'create' ? 'Creating…' : 'Create join token'}</Button>
        </form>
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="join-token-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(tokens.data?.items ?? []).map((t) => (
                <tr key={t.id} data-testid="join-token-row" className={t.revokedAt ? 'text-zinc-400' : ''}>
                  <td className="px-4 py-2 font-medium">{t.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{t.prefix}…</td>
                  <td className="px-4 py-2">{t.createdBy.email}</td>
                  <LastUsedCell at={t.lastUsedAt} by={t.lastWorkerId} />
                  <RevokeCell
                    revokedAt={t.revokedAt}
                    disabled={busy !== null}
                    confirmation={`Revoke join token "${t.name}"? Workers using it stop taking new runs at their next check.`}
                    onRevoke={() => void run('revoke', async () => {
                      await apiClient.revokeJoinToken(workspaceId, t.id);
                      tokens.reload();
                    })}
                  />
                </tr>
              ))}
              {tokens.data && tokens.data.items.length === 0 && (
                <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">No join tokens yet.</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
