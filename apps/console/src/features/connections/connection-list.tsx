'use client';

import Link from 'next/link';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission, useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { TableHead, type Column } from '../shell/table-head';
import { ConnectionForm } from './connection-form';
import { TestResult } from './test-result';

const COLUMNS: Column[] = [{ label: 'Name' }, { label: 'Type', className: 'w-28' }, { label: 'Where' }, { label: 'Last test' }, { label: '', className: 'w-56' }];

/** The workspace's connections: create one, test it, browse it, start onboarding a table from it. */
export function ConnectionList() {
  const { me } = useSession();
  const editor = usePermission('EDITOR');
  const connections = useApiResource(`connections:${me.workspace?.id ?? ''}`, apiClient.listConnections);
  const { busy, actionError, run } = useBusyAction<string>();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Connections"
        subtitle="External systems with their addresses and credentials; tables on them are registered once and used by name"
        actions={<Button variant="primary" data-testid="new-connection-button" onClick={() => setCreating(!creating)} disabled={!editor.allowed} title={editor.reason}>New connection</Button>}
      />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={connections.error ?? actionError} />
        {creating && (
          <ConnectionForm
            busy={busy === 'create'}
            disabledReason={editor.reason}
            onSubmit={(body) => void run('create', async () => {
              await apiClient.createConnection(body);
              setCreating(false);
              connections.reload();
            })}
          />
        )}
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="connection-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(connections.data?.items ?? []).map((c) => (
                <tr key={c.id} data-testid="connection-row">
                  <td className="px-4 py-2 font-medium"><Link className="text-cyan-800 hover:underline" href={`/connections/${c.id}`}>{c.name}</Link></td>
                  <td className="px-4 py-2 font-mono text-xs">{c.type}</td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-600">{Object.entries(c.options).map(([k, v]) => `${k}=${v}`).join(' ')}{c.secrets.length > 0 && <span className="ml-1 text-zinc-400">+ {c.secrets.join(', ')} (encrypted)</span>}</td>
                  <td className="max-w-md truncate px-4 py-2"><TestResult result={c.lastTest} /></td>
                  <td className="px-4 py-2 text-right">
                    <div className="flex justify-end gap-2">
                      <Button data-testid="test-connection" disabled={busy !== null || !editor.allowed} title={editor.reason} onClick={() => void run(`test:${c.id}`, async () => {
                        await apiClient.testConnection(c.id);
                        connections.reload();
                      })}>
                        {busy === `test:${c.id}` ? 'Testing…' : 'Test'}
                      </Button>
                      <Link href={`/tables/new?connection=${c.id}`} className="inline-flex h-8 items-center rounded px-3 text-sm font-medium text-cyan-800 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50">Add table</Link>
                    </div>
                  </td>
                </tr>
              ))}
              {connections.data && connections.data.items.length === 0 && (
                <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">No connections yet: add the databases, brokers and endpoints your jobs read and write.</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
