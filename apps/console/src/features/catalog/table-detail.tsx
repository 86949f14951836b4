'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { CatalogTableSaved, PreviewResponse, SqlDiagnostic } from '@weir/contracts';
import { apiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { useApiResource } from '../api/use-api-resource';
import { usePermission } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { SampleTable } from './sample-table';

const SqlEditor = dynamic(() => import('../editor/sql-editor').then((m) => m.SqlEditor), { ssr: false });

/** A catalog table: its DDL (editable), its columns, and the jobs that read, look up or write it. */
export function TableDetail({ tableId }: { tableId: string }) {
  const router = useRouter();
  const editor = usePermission('EDITOR');
  const table = useApiResource(`table:${tableId}`, (signal) => apiClient.getTable(tableId, signal));
  const lineage = useApiResource('lineage', apiClient.lineage);
  const [draft, setDraft] = useState<string | null>(null);
  const [diagnostics, setDiagnostics] = useState<SqlDiagnostic[]>([]);
  const [saved, setSaved] = useState<CatalogTableSaved | null>(null);
  const [sample, setSample] = useState<PreviewResponse | null>(null);
  const { busy, actionError, run } = useBusyAction<'save' | 'delete' | 'sample'>();
  const t = table.data;
  const node = lineage.data?.tables.find((n) => n.catalogTableId === tableId);
  const uses = (lineage.data?.edges ?? []).filter((e) => e.table === node?.id);
  const jobName = (id: string) => lineage.data?.jobs.find((j) => j.id === id)?.name ?? id;

  const save = () => t && void run('save', async () => {
    try {
      const result = await apiClient.updateTable(tableId, { ddl: draft ?? t.ddl, connectionId: t.connectionId, object: t.object, roles: t.roles, description: t.description });
      setSaved(result);
      table.setData(result.table);
      setDraft(null);
      setDiagnostics([]);
    } catch (error) {
      if (error instanceof ApiRequestError) setDiagnostics(error.diagnostics);
      throw error;
    }
  });
  return (
    <>
      <PageHeader
        title={<><Link href="/tables" className="text-zinc-500 hover:underline">Tables</Link> / <span className="font-mono">{t?.name ?? '…'}</span></>}
        subtitle={t ? `${t.roles.join(', ')} · ${t.connector}${t.connectionName ? ` on ${t.connectionName}` : ''}` : undefined}
        actions={
          <>
            <Button variant="primary" data-testid="save-table" disabled={draft === null || busy !== null || !editor.allowed} title={editor.reason} onClick={save}>{busy === 'save' ? 'Saving…' : 'Save DDL'}</Button>
            <Button variant="danger" disabled={busy !== null || !editor.allowed} title={editor.reason} onClick={() => window.confirm(`Delete table ${t?.name ?? ''}?`) && void run('delete', async () => {
              await apiClient.deleteTable(tableId, uses.length > 0 && window.confirm('Running jobs use it; they keep their copy. Delete anyway?'));
              router.push('/tables');
            })}>Delete</Button>
          </>
        }
      />
      <div className="grid grid-cols-1 gap-4 p-6 lg:grid-cols-3">
        <div className="flex flex-col gap-3 lg:col-span-2">
          <ErrorBanner error={table.error ?? actionError} />
          {saved && (
            <div role="status" data-testid="table-saved" className={`rounded border px-3 py-2 text-sm ${saved.breaks.length ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-emerald-300 bg-emerald-50 text-emerald-900'}`}>
              Saved. {saved.usedBy.length === 0 ? 'No running job uses it.' : `${saved.usedBy.length} running job(s) keep the definition they were deployed with.`}
              {saved.breaks.map((b) => <div key={b.deploymentId}>Redeploying <Link className="underline" href={`/jobs/${b.jobId}`}>{b.jobName}</Link> would fail: {b.diagnostics[0]?.message}</div>)}
            </div>
          )}
          <div className="h-80 overflow-hidden rounded border border-zinc-200 bg-white" data-testid="sql-editor">
            {t && <SqlEditor value={draft ?? t.ddl} onChange={setDraft} diagnostics={diagnostics} />}
          </div>
          {t?.connectionId && t.object && (
            <section className="flex flex-col gap-2 rounded border border-zinc-200 bg-white p-3" data-testid="table-sample">
              <div className="flex items-center gap-3">
                <h2 className="text-xs font-semibold uppercase tracking-wider text-zinc-500">Sample rows of {t.object}</h2>
                <Button data-testid="table-sample-button" disabled={busy !== null || !editor.allowed} title={editor.reason} onClick={() => void run('sample', async () => {
                  setSample(await apiClient.previewTable(t.connectionId ?? '', { object: t.object ?? '', ddl: draft ?? t.ddl, maxRows: 20, maxSeconds: 3 }));
                })}>{busy === 'sample' ? 'Sampling…' : 'Sample now'}</Button>
              </div>
              {sample && <SampleTable rows={sample.rows.map((r) => r.values ?? { '(not read)': r.error ?? '' })} />}
            </section>
          )}
        </div>
        <aside className="flex flex-col gap-3 text-sm">
          <section className="rounded border border-zinc-200 bg-white p-3">
            <h2 className="mb-2 text-xs font-semibold uppercase tracking-wider text-zinc-500">Columns</h2>
            <ul className="font-mono text-xs">{t?.columns.map((c) => <li key={c.name}>{c.name} <span className="text-zinc-500">{c.type}</span></li>)}</ul>
          </section>
          <section className="rounded border border-zinc-200 bg-white p-3" data-testid="table-uses">
            <h2 className="mb-2 text-xs font-semibold uppercase tracking-wider text-zinc-500">Jobs</h2>
            {uses.length === 0 && <p className="text-xs text-zinc-500">No job reads or writes it yet.</p>}
            <ul className="flex flex-col gap-1">
              {uses.map((u) => (
                <li key={`${u.job}:${u.kind}`} data-testid="table-use">
                  <span className="mr-1 rounded bg-zinc-100 px-1 text-xs">{u.kind === 'write' ? 'writes' : u.kind === 'lookup' ? 'looks up' : 'reads'}</span>
                  <Link className="text-cyan-800 hover:underline" href={`/jobs/${u.job}`}>{jobName(u.job)}</Link>
                  <span className="ml-1 font-mono text-xs text-zinc-500">{u.columns.join(', ')}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}
