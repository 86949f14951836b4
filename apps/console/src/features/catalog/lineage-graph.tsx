'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { PageHeader } from '../shell/page-header';
import { layoutLineage, type LineageLayout } from './lineage-layout';

/** Tables and jobs of the workspace as one picture: click a table for its readers and writers, a job to open it. */
export function LineageGraph() {
  const router = useRouter();
  const { me } = useSession();
  const lineage = useApiResource(`lineage:${me.workspace?.id ?? ''}`, apiClient.lineage);
  const [layout, setLayout] = useState<LineageLayout | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (!lineage.data) return;
    let current = true;
    void layoutLineage(lineage.data).then((placed) => current && setLayout(placed));
    return () => {
      current = false;
    };
  }, [lineage.data]);

  const table = lineage.data?.tables.find((t) => t.id === selected);
  const uses = (lineage.data?.edges ?? []).filter((e) => e.table === selected);
  const jobName = (id: string) => lineage.data?.jobs.find((j) => j.id === id)?.name ?? id;
  const problems = (lineage.data?.jobs ?? []).filter((j) => j.problem);
  return (
    <>
      <PageHeader title="Lineage" subtitle="Which jobs read, look up and write which tables, from each job's plan" />
      <div className="flex gap-4 p-6">
        <div className="min-w-0 flex-1 overflow-auto rounded border border-zinc-200 bg-white" data-testid="lineage-graph">
          <ErrorBanner error={lineage.error} />
          {layout && layout.nodes.length === 0 && <p className="p-8 text-center text-sm text-zinc-500">No job reads or writes a table yet.</p>}
          {layout && (
            <svg width={layout.width} height={layout.height} className="block">
              <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 10 5 0 10z" fill="#71717a" /></marker>
              </defs>
              {layout.edges.map((e) => (
                <polyline key={e.id} fill="none" stroke="#a1a1aa" strokeWidth="1.5" strokeDasharray={e.kind === 'lookup' ? '4 3' : undefined} markerEnd="url(#arrow)" points={e.points.map((p) => `${p.x + 8},${p.y + 8}`).join(' ')} />
              ))}
              {layout.nodes.map((n) => {
                const id = n.id.slice(2);
                const active = n.kind === 'table' && id === selected;
                return (
                  <g key={n.id} data-testid={`lineage-${n.kind}`} data-name={n.label} transform={`translate(${n.x + 8},${n.y + 8})`} className="cursor-pointer" onClick={() => (n.kind === 'job' ? router.push(`/jobs/${id}`) : setSelected(id))}>
                    <rect width={n.width} height={n.height} rx={n.kind === 'table' ? 20 : 4} fill={n.kind === 'job' ? '#164e63' : active ? '#cffafe' : '#f4f4f5'} stroke={n.kind === 'job' ? '#164e63' : '#a1a1aa'} />
                    <text x={12} y={20} fontSize="13" fontWeight="600" fill={n.kind === 'job' ? '#fff' : '#18181b'}>{n.label.length > 24 ? `${n.label.slice(0, 23)}…` : n.label}</text>
                    <text x={12} y={37} fontSize="11" fill={n.kind === 'job' ? '#a5f3fc' : '#71717a'}>{n.kind === 'job' ? `job · ${n.detail}` : n.detail}</text>
                  </g>
                );
              })}
            </svg>
          )}
        </div>
        <aside className="w-80 shrink-0 text-sm" data-testid="lineage-panel">
          {table ? (
            <div className="rounded border border-zinc-200 bg-white p-3">
              <h2 className="font-mono font-semibold">{table.name}</h2>
              <p className="mb-2 text-xs text-zinc-500">{table.object}</p>
              {table.catalogTableId && <Link className="text-xs text-cyan-800 hover:underline" href={`/tables/${table.catalogTableId}`}>Open in the catalog</Link>}
              <ul className="mt-2 flex flex-col gap-1">
                {uses.map((u) => (
                  <li key={`${u.job}:${u.kind}`} data-testid="lineage-use">
                    <span className="mr-1 rounded bg-zinc-100 px-1 text-xs">{u.kind === 'write' ? 'written by' : u.kind === 'lookup' ? 'looked up by' : 'read by'}</span>
                    <Link className="text-cyan-800 hover:underline" href={`/jobs/${u.job}`}>{jobName(u.job)}</Link>
                    <div className="font-mono text-xs text-zinc-500">{u.columns.join(', ')}</div>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-xs text-zinc-500">Click a table to see the jobs that read and write it; click a job to open it.</p>
          )}
          {problems.length > 0 && (
            <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-xs text-amber-900">
              {problems.map((j) => <p key={j.id}><Link className="underline" href={`/jobs/${j.id}`}>{j.name}</Link>: {j.problem}</p>)}
            </div>
          )}
        </aside>
      </div>
    </>
  );
}
