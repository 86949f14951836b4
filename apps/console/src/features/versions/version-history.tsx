import type { Job, JobVersion } from '@weir/contracts';
import { formatRelativeTime, formatTimestamp } from '../common/format';
import { StatusBadge } from '../deployments/status-badge';
import { Button } from '../shell/button';
import { TableHead, type Column } from '../shell/table-head';
import { useT } from '../i18n/i18n-provider';

type Props = {
  versions: JobVersion[];
  latest: number;
  deployment: Job['deployment'];
  selected: readonly number[];
  onToggle: (version: number) => void;
  onRollback: (version: JobVersion) => void;
  rollback: { allowed: boolean; reason: string | undefined };
};

/** Every version of a job, newest first: tick two to compare them; any older one can be rolled back to. */
export function VersionHistory({ versions, latest, deployment, selected, onToggle, onRollback, rollback }: Props) {
  const t = useT();
  const columns: Column[] = [
    { label: t('versions.compare'), className: 'w-20' },
    { label: t('versions.version'), className: 'w-24' },
    { label: t('versions.message') },
    { label: t('versions.author'), className: 'w-56' },
    { label: t('versions.saved'), className: 'w-36' },
    { label: t('versions.deployed'), className: 'w-32' },
    { label: '', className: 'w-40 text-right' },
  ];
  return (
    <table className="w-full text-sm" data-testid="version-table">
      <TableHead columns={columns} />
      <tbody>
        {versions.map((v) => (
          <tr key={v.id} data-testid="version-row" data-version={v.version} className="border-b border-zinc-100 last:border-0">
            <td className="px-4 py-1.5">
              <input
                type="checkbox"
                data-testid="version-compare"
                aria-label={t('versions.compareVersion', { version: v.version })}
                checked={selected.includes(v.version)}
                onChange={() => onToggle(v.version)}
              />
            </td>
            <td className="px-4 py-1.5 font-mono text-xs">
              v{v.version}
              {v.version === latest && <span className="ml-2 rounded bg-cyan-50 px-1.5 py-0.5 font-sans text-[11px] font-semibold text-cyan-800 ring-1 ring-inset ring-cyan-200">{t('versions.latest')}</span>}
            </td>
            <td className="px-4 py-1.5 text-zinc-800" data-testid="version-message">
              {v.message || <span className="text-zinc-400">{t('versions.noMessage')}</span>}
            </td>
            <td className="truncate px-4 py-1.5 text-zinc-700">{v.createdBy ?? <span className="text-zinc-400">{t('versions.system')}</span>}</td>
            <td className="px-4 py-1.5 text-zinc-700" title={formatTimestamp(v.createdAt)}>
              {formatRelativeTime(v.createdAt)}
            </td>
            <td className="px-4 py-1.5">{deployment?.version === v.version && <StatusBadge status={deployment.status} testId="version-deployed" />}</td>
            <td className="px-4 py-1 text-right">
              {v.version !== latest && (
                <Button data-testid="rollback-button" onClick={() => onRollback(v)} disabled={!rollback.allowed} title={rollback.reason}>
                  {t('versions.rollBackTo', { version: v.version })}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
