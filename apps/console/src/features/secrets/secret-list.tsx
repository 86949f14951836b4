'use client';

import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission, useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { formatTimestamp } from '../common/format';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { TableHead, type Column } from '../shell/table-head';

const COLUMNS: Column[] = [{ label: 'Name' }, { label: 'Reference in SQL' }, { label: 'Key', className: 'w-16' }, { label: 'Updated', className: 'w-72' }, { label: '', className: 'w-28' }];

/** The workspace's secrets: set by editors, used in SQL as `${secret.NAME}`, never shown again. */
export function SecretList() {
  const { me } = useSession();
  const editor = usePermission('EDITOR');
  const owner = usePermission('OWNER');
  const secrets = useApiResource(`secrets:${me.workspace?.id ?? ''}`, apiClient.listSecrets);
  const { busy, actionError, run } = useBusyAction<'save' | 'delete' | 'rotate'>();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run('save', async () => {
      const saved = await apiClient.putSecret(name, value);
      setNotice(`Secret ${saved.name} saved.`);
      setName('');
      setValue('');
      secrets.reload();
    });
  };
  return (
    <>
      <PageHeader
        title="Secrets"
        subtitle="Values are encrypted at rest and reach only the worker running a job; write '${secret.NAME}' inside a string literal"
        actions={
          owner.allowed && (
            <Button disabled={busy !== null} onClick={() => void run('rotate', async () => {
              const rotated = await apiClient.rotateSecrets();
              setNotice(`${rotated.reencrypted} secret(s) re-encrypted with key version ${rotated.keyVersion}.`);
              secrets.reload();
            })}>
              Re-encrypt with current key
            </Button>
          )
        }
      />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={secrets.error ?? actionError} />
        {notice && <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{notice}</p>}
        <form onSubmit={onSave} data-testid="secret-form" className="flex flex-wrap items-end gap-2 rounded border border-zinc-200 bg-white p-3 text-sm">
          <label className="flex flex-col gap-1">
            Name
            <input name="name" required pattern="[A-Za-z_][A-Za-z0-9_]*" value={name} onChange={(e) => setName(e.target.value)} placeholder="PG_PASSWORD" className="w-56 rounded border border-zinc-300 px-2 py-1 font-mono" />
          </label>
          <label className="flex flex-col gap-1">
            Value
            <input name="value" type="password" autoComplete="off" required value={value} onChange={(e) => setValue(e.target.value)} className="w-72 rounded border border-zinc-300 px-2 py-1" />
          </label>
          <Button type="submit" variant="primary" disabled={busy !== null || !editor.allowed} title={editor.reason}>
            {busy === 'save' ? 'Saving…' : 'Save secret'}
          </Button>
        </form>
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="secret-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(secrets.data?.items ?? []).map((s) => (
                <tr key={s.name} data-testid="secret-row">
                  <td className="px-4 py-2 font-mono font-medium">{s.name}</td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-600">{`'\${secret.${s.name}}'`}</td>
                  <td className="px-4 py-2 text-zinc-600">v{s.keyVersion}</td>
                  <td className="px-4 py-2 text-zinc-600">{formatTimestamp(s.updatedAt)}{s.updatedBy ? ` by ${s.updatedBy}` : ''}</td>
                  <td className="px-4 py-2 text-right">
                    <Button
                      variant="danger"
                      disabled={busy !== null || !editor.allowed}
                      title={editor.reason}
                      onClick={() => window.confirm(`Delete secret ${s.name}? Jobs that use it fail at their next start.`) && void run('delete', async () => {
                        await apiClient.deleteSecret(s.name);
                        secrets.reload();
                      })}
                    >
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
              {secrets.data && secrets.data.items.length === 0 && (
                <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">No secrets yet.</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
