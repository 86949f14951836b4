'use client';

import Link from 'next/link';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission, useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { formatTimestamp } from '../common/format';
import { PageHeader } from '../shell/page-header';
import { TableHead, type Column } from '../shell/table-head';

const COLUMNS: Column[] = [{ label: 'Table' }, { label: 'Roles', className: 'w-44' }, { label: 'Connector', className: 'w-32' }, { label: 'Connection', className: 'w-40' }, { label: 'Columns' }, { label: 'Updated', className: 'w-48' }];

/** The workspace catalog: tables every job uses by name. */
export function TableList() {
  const { me } = useSession();
  const editor = usePermission('EDITOR');
  const tables = useApiResource(`tables:${me.workspace?.id ?? ''}`, apiClient.listTables);
  return (
    <>
      <PageHeader
        title="Tables"
        subtitle="Registered sources, sinks and dimension tables; write FROM orders, with no CREATE TABLE"
        actions={editor.allowed && <Link data-testid="add-table" href="/tables/new" className="inline-flex h-8 items-center rounded bg-cyan-700 px-3 text-sm font-medium text-white hover:bg-cyan-800">Add a table</Link>}
      />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={tables.error} />
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="catalog-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(tables.data?.items ?? []).map((t) => (
                <tr key={t.id} data-testid="catalog-row">
                  <td className="px-4 py-2 font-mono font-medium"><Link className="text-cyan-800 hover:underline" href={`/tables/${t.id}`}>{t.name}</Link></td>
                  <td className="px-4 py-2 text-xs">{t.roles.join(', ')}</td>
                  <td className="px-4 py-2 font-mono text-xs">{t.connector}</td>
                  <td className="px-4 py-2 text-xs">{t.connectionId ? <Link className="hover:underline" href={`/connections/${t.connectionId}`}>{t.connectionName}</Link> : '—'}</td>
                  <td className="max-w-md truncate px-4 py-2 font-mono text-xs text-zinc-600">{t.columns.map((c) => `${c.name} ${c.type}`).join(', ')}</td>
                  <td className="px-4 py-2 text-xs text-zinc-600">{formatTimestamp(t.updatedAt)}</td>
                </tr>
              ))}
              {tables.data && tables.data.items.length === 0 && (
                <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">No tables yet: add one from a connection.</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
