'use client';

import type { Job, JobVersion } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
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
  const { busy, actionError, setActionError, run } = useBusyAction<'rolling-back'>();
  const onSubmit = () =>
    void run('rolling-back', async () => {
      onRolledBack(await apiClient.rollbackJob(jobId, { version: target.version, message: message.trim() || undefined }));
    });
  return (
    <Modal
      testId="rollback-dialog"
      title={`Roll back to v${target.version}?`}
      onClose={onClose}
      busy={busy !== null}
      footer={<DialogButtons onCancel={onClose} onSubmit={onSubmit} busy={busy !== null} label={busy ? 'Rolling back…' : `Roll back to v${target.version}`} testId="rollback-submit" />}
    >
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      <p className="text-sm text-zinc-700">
        Saves a new version (v{latest + 1} unless someone saves first) with the SQL and user functions of v{target.version}
        {target.message && <span className="text-zinc-900"> “{target.message}”</span>}. Versions are never rewritten, and a running
        deployment keeps its version until you deploy again.
      </p>
      <label className="flex flex-col gap-1 text-sm text-zinc-700">
        Message
        <input
          data-testid="rollback-message"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          placeholder="optional"
          maxLength={500}
          className="h-8 rounded border border-zinc-300 px-2 text-sm outline-none focus:border-cyan-600 focus:ring-1 focus:ring-cyan-600"
        />
      </label>
    </Modal>
  );
}
