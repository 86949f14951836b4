'use client';

import type { AuditEntry, AuditQuery } from '@weir/contracts';
import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { formatTimestamp } from '../common/format';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { TableHead, type Column } from '../shell/table-head';

const COLUMNS: Column[] = [
  { label: 'Time', className: 'w-48' },
  { label: 'Actor', className: 'w-56' },
  { label: 'Action', className: 'w-44' },
  { label: 'Target' },
  { label: 'From', className: 'w-32' },
  { label: 'Details' },
];
const FILTERS = [
  { key: 'action', label: 'Action (or prefix, e.g. job.)' },
  { key: 'actor', label: 'Actor e-mail' },
  { key: 'targetType', label: 'Target type' },
  { key: 'targetId', label: 'Target id' },
] as const;
type Filters = Record<(typeof FILTERS)[number]['key'] | 'since' | 'until', string>;
const EMPTY: Filters = { action: '', actor: '', targetType: '', targetId: '', since: '', until: '' };

/** `datetime-local` values are local time; the API wants ISO instants. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

function queryOf(filters: Filters, before: string | undefined): Partial<AuditQuery> {
  return {
    action: filters.action || undefined,
    actor: filters.actor || undefined,
    targetType: filters.targetType || undefined,
    targetId: filters.targetId || undefined,
    since: toIso(filters.since),
    until: toIso(filters.until),
    before,
    limit: 50,
  };
}

/** The workspace's audit log for its owners: filter, and page back in time. */
export function AuditLog() {
  const owner = usePermission('OWNER');
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const before = pages.at(-1);
  const log = useApiResource(owner.allowed ? `audit:${JSON.stringify(applied)}:${before ?? ''}` : null, (signal) => apiClient.listAudit(queryOf(applied, before), signal));

  if (!owner.allowed) return <PageHeader title="Audit log" subtitle={owner.reason} />;
  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
    setPages([undefined]);
  };
  return (
    <>
      <PageHeader title="Audit log" subtitle="Who did what, when, from where, newest first" />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={log.error} />
        <form onSubmit={onFilter} data-testid="audit-filters" className="flex flex-wrap items-end gap-2 rounded border border-zinc-200 bg-white p-3 text-sm">
          {FILTERS.map((f) => (
            <label key={f.key} className="flex flex-col gap-1">
              {f.label}
              <input name={f.key} value={draft[f.key]} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} className="w-44 rounded border border-zinc-300 px-2 py-1" />
            </label>
          ))}
          <label className="flex flex-col gap-1">
            Since
            <input name="since" type="datetime-local" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} className="rounded border border-zinc-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            Until
            <input name="until" type="datetime-local" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} className="rounded border border-zinc-300 px-2 py-1" />
          </label>
          <Button type="submit" variant="primary">Filter</Button>
        </form>
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="audit-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(log.data?.items ?? []).map((e) => <AuditRow key={e.id} entry={e} />)}
              {log.data && log.data.items.length === 0 && (
                <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">Nothing matches.</td></tr>
              )}
            </tbody>
          </table>
        </div>
        <div className="flex gap-2">
          <Button disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>Newer</Button>
          <Button disabled={!log.data?.nextBefore} onClick={() => setPages([...pages, log.data?.nextBefore ?? undefined])}>Older</Button>
        </div>
      </div>
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const details = JSON.stringify(entry.details);
  return (
    <tr data-testid="audit-row" className="align-top">
      <td className="px-4 py-2 text-zinc-600">{formatTimestamp(entry.at)}</td>
      <td className="px-4 py-2">
        {entry.actor.email ?? 'unknown'}
        {entry.actor.tokenId && <span className="ml-1 rounded bg-zinc-100 px-1 text-[10px] text-zinc-500" title={`API token ${entry.actor.tokenId}`}>token</span>}
      </td>
      <td className="px-4 py-2 font-mono text-xs" data-testid="audit-action">{entry.action}</td>
      <td className="px-4 py-2 font-mono text-xs text-zinc-600">{entry.targetType}:{entry.targetId}</td>
      <td className="px-4 py-2 text-xs text-zinc-600" title={entry.userAgent ?? undefined}>{entry.ip ?? ''}</td>
      <td className="max-w-md truncate px-4 py-2 font-mono text-xs text-zinc-500" title={details}>{details === '{}' ? '' : details}</td>
    </tr>
  );
}
