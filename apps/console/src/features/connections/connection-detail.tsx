'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { TableHead, type Column } from '../shell/table-head';
import { TestResult } from './test-result';

const COLUMNS: Column[] = [{ label: 'Object' }, { label: 'Kind', className: 'w-28' }, { label: 'Columns or detail' }, { label: '', className: 'w-36' }];

/** One connection: its options, its Test, and what it holds, each object one click from becoming a table. */
export function ConnectionDetail({ connectionId }: { connectionId: string }) {
  const router = useRouter();
  const editor = usePermission('EDITOR');
  const connection = useApiResource(`connection:${connectionId}`, (signal) => apiClient.getConnection(connectionId, signal));
  const objects = useApiResource(`connection-objects:${connectionId}`, (signal) => apiClient.connectionObjects(connectionId, signal));
  const { busy, actionError, run } = useBusyAction<'test' | 'delete'>();
  const c = connection.data;
  return (
    <>
      <PageHeader
        title={<><Link href="/connections" className="text-zinc-500 hover:underline">Connections</Link> / {c?.name ?? '…'}</>}
        subtitle={c ? `${c.type}: ${Object.entries(c.options).map(([k, v]) => `${k}=${v}`).join(' ')}${c.secrets.length ? ` + ${c.secrets.join(', ')} (encrypted)` : ''}` : undefined}
        actions={
          <>
            {c && <TestResult result={c.lastTest} />}
            <Button data-testid="test-connection" disabled={busy !== null || !editor.allowed} title={editor.reason} onClick={() => void run('test', async () => {
              connection.setData({ ...(c ?? (await apiClient.getConnection(connectionId))), lastTest: await apiClient.testConnection(connectionId) });
            })}>{busy === 'test' ? 'Testing…' : 'Test'}</Button>
            <Button variant="danger" disabled={busy !== null || !editor.allowed} title={editor.reason} onClick={() => window.confirm(`Delete connection ${c?.name ?? ''}?`) && void run('delete', async () => {
              await apiClient.deleteConnection(connectionId);
              router.push('/connections');
            })}>Delete</Button>
          </>
        }
      />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={connection.error ?? objects.error ?? actionError} />
        {objects.data?.hint && <p className="text-sm text-zinc-600" data-testid="objects-hint">{objects.data.hint}</p>}
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="object-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(objects.data?.items ?? []).map((o) => (
                <tr key={o.name} data-testid="object-row">
                  <td className="px-4 py-2 font-mono text-xs font-medium">{o.name}</td>
                  <td className="px-4 py-2 text-xs">{o.kind}</td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-600">{o.columns ? o.columns.map((col) => `${col.name} ${col.type}${o.primaryKey?.includes(col.name) ? ' (key)' : ''}`).join(', ') : (o.detail ?? '')}</td>
                  <td className="px-4 py-2 text-right">
                    <Link data-testid="onboard-object" href={`/tables/new?connection=${connectionId}&object=${encodeURIComponent(o.name)}`} className="text-cyan-800 hover:underline">Make a table</Link>
                  </td>
                </tr>
              ))}
              {objects.loading && !objects.data && <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">Browsing…</td></tr>}
              {objects.data && objects.data.items.length === 0 && <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">Nothing listed; type an object's name in the onboarding wizard.</td></tr>}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
