'use client';

import type { RestoreChoice } from '@weir/contracts';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { ErrorBanner } from '../common/error-banner';
import { formatBytes, formatRelativeTime, formatTimestamp } from '../common/format';
import type { DeployForm, DeployFormIssues } from './deploy-form';
import { ChoiceSelect, FormField } from './form-field';
import { useT } from '../i18n/i18n-provider';

type Props = { jobId: string; form: DeployForm; issues: DeployFormIssues; update: (changes: Partial<DeployForm>) => void };

/** What the new deployment restores; the savepoints of the job's earlier deployments to choose from. */
export function RestoreFields({ jobId, form, issues, update }: Props) {
  const savepoints = useApiResource(`job-savepoints:${jobId}`, (signal) => apiClient.listJobSavepoints(jobId, signal));
  const items = savepoints.data?.items ?? [];
  const t = useT();
  const choices: [RestoreChoice['kind'], string][] = [
    ['NONE', t('deployments.restore.none')],
    ['LATEST_STATE', t('deployments.restore.latestState')],
    ['LATEST_SAVEPOINT', t('deployments.restore.latestSavepoint')],
    ['SAVEPOINT', t('deployments.restore.savepoint')],
  ];
  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <FormField label={t('deployments.restore.label')} className="sm:col-span-2" hint={form.restore === 'LATEST_STATE' ? t('deployments.restore.latestStateHint') : undefined}>
          <ChoiceSelect testId="deploy-restore" choices={choices} value={form.restore} onChange={(restore) => update({ restore })} />
        </FormField>
        <label className="flex items-center gap-2 self-end pb-1.5 text-sm text-zinc-700" title={t('deployments.restore.allowNonRestoredTitle')}>
          <input type="checkbox" data-testid="deploy-allow-non-restored" checked={form.allowNonRestoredState} disabled={form.restore === 'NONE'} onChange={(e) => update({ allowNonRestoredState: e.target.checked })} />
          {t('deployments.restore.allowNonRestored')}
        </label>
      </div>
      {form.restore === 'SAVEPOINT' && (
        <div className="flex flex-col gap-1">
          <ErrorBanner error={savepoints.error} />
          <div className="max-h-48 overflow-y-auto rounded border border-zinc-200" data-testid="savepoint-list">
            {savepoints.loading && !savepoints.data && <p className="px-3 py-2 text-sm text-zinc-400">{t('deployments.restore.loading')}</p>}
            {savepoints.data && items.length === 0 && <p className="px-3 py-2 text-sm text-zinc-500">{t('deployments.restore.empty')}</p>}
            {items.map((s) => (
              <label key={s.id} data-testid="savepoint-option" className={`flex cursor-pointer items-center gap-3 border-b border-zinc-100 px-3 py-1.5 text-sm last:border-0 hover:bg-zinc-50 ${form.savepointId === s.id ? 'bg-cyan-50' : ''}`}>
                <input type="radio" name="savepoint" value={s.id} checked={form.savepointId === s.id} onChange={() => update({ savepointId: s.id })} />
                <span className="font-mono text-xs">#{s.checkpointId}</span>
                <span className="font-mono text-xs text-zinc-600">v{s.version}</span>
                <span className="text-zinc-700" title={formatTimestamp(s.completedAt ?? s.triggeredAt)}>
                  {formatRelativeTime(s.completedAt ?? s.triggeredAt)}
                </span>
                <span className="ml-auto font-mono text-xs text-zinc-500">{s.fullSizeBytes === null ? '' : formatBytes(s.fullSizeBytes)}</span>
              </label>
            ))}
          </div>
          {issues.savepointId && <span className="text-xs text-red-700" data-testid="field-error">{issues.savepointId}</span>}
        </div>
      )}
    </div>
  );
}
