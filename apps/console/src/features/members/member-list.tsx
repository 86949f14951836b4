'use client';

import { Role, type AddMemberResponse } from '@weir/contracts';
import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission, useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { formatTimestamp } from '../common/format';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { SecretOnce } from '../shell/secret-once';
import { TableHead, type Column } from '../shell/table-head';

const COLUMNS: Column[] = [{ label: 'Member' }, { label: 'Role', className: 'w-40' }, { label: 'Since', className: 'w-48' }, { label: '', className: 'w-24' }];
const ROLES = Role.options;

/** The current workspace's members; owners add, re-role and remove them. */
export function MemberList() {
  const { me } = useSession();
  const workspace = me.workspace;
  const owner = usePermission('OWNER');
  const members = useApiResource(workspace ? `members:${workspace.id}` : null, (signal) => apiClient.listMembers(workspace?.id ?? '', signal));
  const { busy, actionError, run } = useBusyAction<'add' | 'change' | 'remove'>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [password, setPassword] = useState('');
  const [added, setAdded] = useState<AddMemberResponse | null>(null);

  if (!workspace) return <PageHeader title="Members" subtitle="You are not a member of any workspace." />;
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    void run('add', async () => {
      const member = await apiClient.addMember(workspace.id, { email, role, ...(password ? { password } : {}) });
      setAdded(member);
      setEmail('');
      setPassword('');
      members.reload();
    });
  };
  return (
    <>
      <PageHeader title="Members" subtitle={`${workspace.name} · ${members.data?.items.length ?? '…'} members`} />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={members.error ?? actionError} />
        {added?.initialPassword && (
          <SecretOnce label={`${added.email} can sign in with this generated password.`} secret={added.initialPassword} onDone={() => setAdded(null)} />
        )}
        {owner.allowed && (
          <form onSubmit={onAdd} data-testid="add-member-form" className="flex flex-wrap items-end gap-2 rounded border border-zinc-200 bg-white p-3 text-sm">
            <label className="flex flex-col gap-1">
              E-mail
              <input name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className="w-64 rounded border border-zinc-300 px-2 py-1" />
            </label>
            <label className="flex flex-col gap-1">
              Role
              <select name="role" value={role} onChange={(e) => setRole(Role.parse(e.target.value))} className="rounded border border-zinc-300 px-2 py-1">
                {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              Password for a new account (optional)
              <input name="password" type="password" minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} placeholder="generated when empty" className="w-56 rounded border border-zinc-300 px-2 py-1" />
            </label>
            <Button type="submit" variant="primary" disabled={busy !== null}>{busy === 'add' ? 'Adding…' : 'Add member'}</Button>
          </form>
        )}
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="member-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(members.data?.items ?? []).map((m) => (
                <tr key={m.userId} data-testid="member-row">
                  <td className="px-4 py-2">
                    <span className="font-medium text-zinc-900">{m.name}</span> <span className="text-zinc-500">{m.email}</span>
                    {m.userId === me.user.id && <span className="ml-2 text-xs text-zinc-400">(you)</span>}
                  </td>
                  <td className="px-4 py-2">
                    <select
                      aria-label={`Role of ${m.email}`}
                      value={m.role}
                      disabled={!owner.allowed || busy !== null}
                      title={owner.reason}
                      onChange={(e) => void run('change', async () => {
                        await apiClient.updateMember(workspace.id, m.userId, Role.parse(e.target.value));
                        members.reload();
                      })}
                      className="rounded border border-zinc-300 px-2 py-1 disabled:bg-zinc-50"
                    >
                      {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
                    </select>
                  </td>
                  <td className="px-4 py-2 text-zinc-600">{formatTimestamp(m.createdAt)}</td>
                  <td className="px-4 py-2 text-right">
                    <Button
                      variant="danger"
                      disabled={!owner.allowed || busy !== null}
                      title={owner.reason}
                      onClick={() => window.confirm(`Remove ${m.email} from ${workspace.name}? Their API tokens for it stop working.`) && void run('remove', async () => {
                        await apiClient.removeMember(workspace.id, m.userId);
                        members.reload();
                      })}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
