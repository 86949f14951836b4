'use client';

import type { Job, JobVersion } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { useT } from '../i18n/i18n-provider';
import { DialogButtons, Modal } from '../shell/modal';

/** Confirms a rollback: a new version with the SQL and functions of `target`; nothing deployed changes. */
export function RollbackDialog({ jobId, target, latest, onClose, onRolledBack }: {
  jobId: string;
  target: JobVersion;
  latest: number;
  onClose: () => void;
  onRolledBack: (job: Job) => void;
}) {
  const [message, setMessage] = useState('');
  const t = useT();
  const { busy, actionError, setActionError, run } = useBusyAction<'rolling-back'>();
  const onSubmit = () =>
    void run('rolling-back', async () => {
      onRolledBack(await apiClient.rollbackJob(jobId, { version: target.version, message: message.trim() || undefined }));
    });
  return (
    <Modal
      testId="rollback-dialog"
      title={t('versions.rollback.title', { version: target.version })}
      onClose={onClose}
      busy={busy !== null}
      footer={<DialogButtons onCancel={onClose} onSubmit={onSubmit} busy={busy !== null} label={busy ? t('versions.rollback.rollingBack') : t('versions.rollBackTo', { version: target.version })} testId="rollback-submit" />}
    >
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      <p className="text-sm text-zinc-700">
        {t.rich('versions.rollback.explain', {
          next: latest + 1,
          version: target.version,
          message: target.message && <span className="text-zinc-900">{t('versions.rollback.quoted', { message: target.message })}</span>,
        })}
      </p>
      <label className="flex flex-col gap-1 text-sm text-zinc-700">
        {t('versions.rollback.message')}
        <input
          data-testid="rollback-message"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          placeholder={t('versions.rollback.optional')}
          maxLength={500}
          className="h-8 rounded border border-zinc-300 px-2 text-sm outline-none focus:border-cyan-600 focus:ring-1 focus:ring-cyan-600"
        />
      </label>
    </Modal>
  );
}
