'use client';

import type { DeploymentStatus } from '@weir/contracts';
import { useT } from '../i18n/i18n-provider';

const STYLES: Record<DeploymentStatus, { badge: string; dot: string }> = {
  PENDING: { badge: 'bg-slate-100 text-slate-700 ring-slate-300', dot: 'bg-slate-400' },
  STARTING: { badge: 'bg-sky-50 text-sky-800 ring-sky-300', dot: 'bg-sky-500 animate-pulse' },
  RUNNING: { badge: 'bg-emerald-50 text-emerald-800 ring-emerald-300', dot: 'bg-emerald-500' },
  STOPPING: { badge: 'bg-amber-50 text-amber-800 ring-amber-300', dot: 'bg-amber-500 animate-pulse' },
  STOPPED: { badge: 'bg-zinc-100 text-zinc-700 ring-zinc-300', dot: 'bg-zinc-500' },
  FINISHED: { badge: 'bg-indigo-50 text-indigo-800 ring-indigo-300', dot: 'bg-indigo-500' },
  FAILED: { badge: 'bg-red-50 text-red-800 ring-red-300', dot: 'bg-red-500' },
  LOST: { badge: 'bg-orange-50 text-orange-800 ring-orange-300', dot: 'bg-orange-500' },
  RESTARTING: { badge: 'bg-orange-50 text-orange-800 ring-orange-300', dot: 'bg-orange-500 animate-pulse' },
  SUSPENDING: { badge: 'bg-amber-50 text-amber-800 ring-amber-300', dot: 'bg-amber-500 animate-pulse' },
  SUSPENDED: { badge: 'bg-violet-50 text-violet-800 ring-violet-300', dot: 'bg-violet-500' },
};
const UNKNOWN = { badge: 'bg-zinc-100 text-zinc-600 ring-zinc-300', dot: 'bg-zinc-400' };

/** A deployment's observed status; `status` is a string because job summaries carry it untyped. */
export function StatusBadge({ status, testId }: { status: string | null; testId?: string }) {
  const t = useT();
  const known = status !== null && status in STYLES ? (status as DeploymentStatus) : null;
  const style = known ? STYLES[known] : UNKNOWN;
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center gap-1.5 rounded px-2 py-0.5 text-[11px] font-semibold tracking-wide ring-1 ring-inset ${style.badge}`}
    >
      <span className={`size-1.5 rounded-full ${style.dot}`} />
      {known ? t(`common.status.${known}`) : (status ?? t('common.status.notDeployed'))}
    </span>
  );
}
