import type { Checkpoint } from '@weir/contracts';
import { formatBytes, formatDuration, formatRelativeTime, formatTimestamp } from '../common/format';
import { TableHead, type Column } from '../shell/table-head';
import { useT } from '../i18n/i18n-provider';


const STATUS_STYLE: Record<Checkpoint['status'], string> = {
  COMPLETED: 'text-emerald-700',
  FAILED: 'text-red-700',
  DISCARDED: 'text-zinc-400',
};

const dash = <span className="text-zinc-300">—</span>;

/** Checkpoints and savepoints, newest first; a row opens to its per-operator sizes, location or error. */
export function CheckpointTable({ items }: { items: readonly Checkpoint[] }) {
  const t = useT();
  const columns: Column[] = [
    { label: t('checkpoints.table.id'), className: 'w-16' },
    { label: t('checkpoints.table.kind'), className: 'w-28' },
    { label: t('checkpoints.table.status'), className: 'w-28' },
    { label: t('checkpoints.table.triggered') },
    { label: t('checkpoints.table.duration'), className: 'w-24 text-right' },
    { label: t('checkpoints.table.fullSize'), className: 'w-28 text-right' },
    { label: t('checkpoints.table.written'), className: 'w-28 text-right' },
    { label: t('checkpoints.table.attempt'), className: 'w-20 text-right' },
  ];
  if (items.length === 0) {
    return <p className="px-4 py-6 text-center text-sm text-zinc-400">{t('checkpoints.table.empty')}</p>;
  }
  return (
    <table className="w-full text-sm" data-testid="checkpoint-table">
      <TableHead columns={columns} />
      {items.map((c) => (
        <tbody key={c.id} className="border-b border-zinc-100 last:border-0" data-testid="checkpoint-row" data-kind={c.kind} data-status={c.status}>
          <tr className="hover:bg-zinc-50">
            <td className="px-4 py-1.5 font-mono text-xs">#{c.checkpointId}</td>
            <td className="px-4 py-1.5">
              {c.kind === 'SAVEPOINT' ? (
                <span className="rounded bg-violet-50 px-1.5 py-0.5 text-[11px] font-semibold text-violet-800 ring-1 ring-inset ring-violet-200">{t('checkpoints.kindSavepoint')}</span>
              ) : (
                <span className="text-xs text-zinc-600">{c.incremental ? t('checkpoints.table.incremental') : t('checkpoints.table.full')}</span>
              )}
            </td>
            <td className={`px-4 py-1.5 text-xs font-semibold ${STATUS_STYLE[c.status]}`}>{t(`checkpoints.status.${c.status}`)}</td>
            <td className="px-4 py-1.5 text-zinc-700" title={formatTimestamp(c.triggeredAt)}>
              {formatRelativeTime(c.triggeredAt)}
            </td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{c.durationMs === null ? dash : formatDuration(c.durationMs)}</td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{c.fullSizeBytes === null ? dash : formatBytes(c.fullSizeBytes)}</td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{c.incrementalSizeBytes === null ? dash : formatBytes(c.incrementalSizeBytes)}</td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{c.attempt ?? dash}</td>
          </tr>
          {(c.operators.length > 0 || c.error || c.location) && (
            <tr>
              <td colSpan={8} className="px-4 pb-1.5">
                <details className="text-xs text-zinc-600">
                  <summary className="cursor-pointer select-none text-zinc-500 hover:text-zinc-800">
                    {c.error ? <span className="text-red-700">{c.error}</span> : t('checkpoints.table.operators', { count: c.operators.length })}
                  </summary>
                  {c.location && <p className="mt-1 truncate font-mono text-[11px] text-zinc-500">{c.location}</p>}
                  {c.operators.length > 0 && (
                    <table className="mt-1 w-full max-w-2xl">
                      <tbody>
                        {c.operators.map((o) => (
                          <tr key={o.operatorId}>
                            <td className="py-0.5 pr-4">{o.name}</td>
                            <td className="py-0.5 pr-4 font-mono text-[11px] text-zinc-400">{o.operatorId}</td>
                            <td className="py-0.5 pr-4 text-right font-mono">{t('checkpoints.table.sizeWritten', { size: formatBytes(o.sizeBytes) })}</td>
                            <td className="py-0.5 text-right font-mono">{t('checkpoints.table.sizeTotal', { size: formatBytes(o.fullSizeBytes) })}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </details>
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}
