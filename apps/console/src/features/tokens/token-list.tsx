'use client';

import { Role, roleAllows, type CreatedToken } from '@weir/contracts';
import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { formatTimestamp } from '../common/format';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { LastUsedCell, RevokeCell } from '../shell/credential-cells';
import { PageHeader } from '../shell/page-header';
import { SecretOnce } from '../shell/secret-once';
import { TableHead, type Column } from '../shell/table-head';

const COLUMNS: Column[] = [
  { label: 'Name' },
  { label: 'Token', className: 'w-44' },
  { label: 'Role', className: 'w-24' },
  { label: 'Created by', className: 'w-48' },
  { label: 'Last used', className: 'w-32' },
  { label: 'Expires', className: 'w-44' },
  { label: '', className: 'w-28' },
];

/** API tokens of the current workspace: create one (shown once), see when each was used, revoke. */
export function TokenList() {
  const { me } = useSession();
  const myRole = me.workspace?.role ?? 'VIEWER';
  const tokens = useApiResource(`tokens:${me.workspace?.id ?? ''}`, apiClient.listTokens);
  const { busy, actionError, run } = useBusyAction<'create' | 'revoke'>();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    void run('create', async () => {
      setCreated(await apiClient.createToken({ name, role, ...(days ? { expiresInDays: Number(days) } : {}) }));
      setName('');
      tokens.reload();
    });
  };
  return (
    <>
      <PageHeader title="API tokens" subtitle={`For scripts and the CLI: send one as "Authorization: Bearer <token>" · ${me.workspace?.name ?? ''}`} />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={tokens.error ?? actionError} />
        {created && <SecretOnce label={`Token "${created.name}" (${created.role.toLowerCase()}) is ready.`} secret={created.token} onDone={() => setCreated(null)} />}
        <form onSubmit={onCreate} data-testid="create-token-form" className="flex flex-wrap items-end gap-2 rounded border border-zinc-200 bg-white p-3 text-sm">
          <label className="flex flex-col gap-1">
            Name
            <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. ci-deploy" className="w-56 rounded border border-zinc-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            Role
            <select name="role" value={role} onChange={(e) => setRole(Role.parse(e.target.value))} className="rounded border border-zinc-300 px-2 py-1">
              {Role.options.filter((r) => roleAllows(myRole, r)).map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Expires in days (empty: never)
            <input name="days" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} className="w-32 rounded border border-zinc-300 px-2 py-1" />
          </label>
          <Button type="submit" variant="primary" disabled={busy !== null}>{busy === 'create' ? 'Creating…' : 'Create token'}</Button>
        </form>
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="token-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(tokens.data?.items ?? []).map((t) => (
                <tr key={t.id} data-testid="token-row" className={t.revokedAt ? 'text-zinc-400' : ''}>
                  <td className="px-4 py-2 font-medium">{t.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{t.prefix}…</td>
                  <td className="px-4 py-2">{t.role.toLowerCase()}</td>
                  <td className="px-4 py-2">{t.createdBy.email}</td>
                  <LastUsedCell at={t.lastUsedAt} />
                  <td className="px-4 py-2">{t.expiresAt ? formatTimestamp(t.expiresAt) : 'never'}</td>
                  <RevokeCell
                    revokedAt={t.revokedAt}
                    disabled={busy !== null}
                    confirmation={`Revoke token "${t.name}"? Scripts using it stop working at once.`}
                    onRevoke={() => void run('revoke', async () => {
                      await apiClient.revokeToken(t.id);
                      tokens.reload();
                    })}
                  />
                </tr>
              ))}
              {tokens.data && tokens.data.items.length === 0 && (
                <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">No tokens yet.</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
