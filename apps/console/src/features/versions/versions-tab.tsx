'use client';

import type { Job, JobVersion } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useT } from '../i18n/i18n-provider';
import { RollbackDialog } from './rollback-dialog';
import { VersionDiff } from './version-diff';
import { VersionHistory } from './version-history';
import { toggleVersion, versionPair } from './version-selection';

/** The Versions tab: the job's history, a side-by-side diff of two ticked versions, and rollback. */
export function VersionsTab({ job, onJobChanged }: { job: Job; onJobChanged: (job: Job) => void }) {
  const latest = job.latestVersion.version;
  // Keyed by the latest version: the job page's poll seeing a new save reloads the history.
  const versions = useApiResource(`versions:${job.id}:${latest}`, (signal) => apiClient.listJobVersions(job.id, signal));
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<JobVersion | null>(null);
  const [rolledBack, setRolledBack] = useState<{ from: number; to: number } | null>(null);
  const editor = usePermission('EDITOR');
  const t = useT();
  const pair = versionPair(selected);

  const onRolledBack = (saved: Job) => {
    if (target) setRolledBack({ from: target.version, to: saved.latestVersion.version });
    setTarget(null);
    onJobChanged(saved);
  };

  return (
    <div className="flex flex-col gap-4" data-testid="versions-tab">
      <ErrorBanner error={versions.error} />
      {rolledBack && (
        <p role="status" data-testid="rollback-notice" className="flex items-center gap-2 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t('versions.rolledBack', { to: rolledBack.to, from: rolledBack.from })}
          <button type="button" className="ml-auto text-emerald-700 hover:text-emerald-950" aria-label={t('common.dismiss')} onClick={() => setRolledBack(null)}>
            ×
          </button>
        </p>
      )}
      <section className="overflow-hidden rounded border border-zinc-200 bg-white">
        <header className="flex items-baseline gap-2 border-b border-zinc-100 px-4 py-2">
          <h3 className="text-sm font-semibold text-zinc-800">{t('versions.title')}</h3>
          <span className="text-xs text-zinc-500">{versions.data ? t('versions.summary', { count: versions.data.items.length }) : ''}</span>
        </header>
        {versions.data ? (
          <VersionHistory
            versions={versions.data.items}
            latest={latest}
            deployment={job.deployment}
            selected={selected}
            onToggle={(v) => setSelected((s) => toggleVersion(s, v))}
            onRollback={setTarget}
            rollback={editor}
          />
        ) : (
          <p className="px-4 py-6 text-center text-sm text-zinc-400">{t('common.loading')}</p>
        )}
      </section>
      {pair ? (
        <VersionDiff jobId={job.id} pair={pair} />
      ) : (
        versions.data && versions.data.items.length > 1 && <p className="py-2 text-center text-sm text-zinc-400">{t('versions.tickTwo')}</p>
      )}
      {target && <RollbackDialog jobId={job.id} target={target} latest={latest} onClose={() => setTarget(null)} onRolledBack={onRolledBack} />}
    </div>
  );
}
