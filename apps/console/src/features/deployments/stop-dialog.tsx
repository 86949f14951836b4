'use client';

import type { Deployment } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { useT } from '../i18n/i18n-provider';
import { DialogButtons, Modal } from '../shell/modal';

/** Stops a deployment: plainly, after a savepoint (to deploy from later), or draining the sources first. */
export function StopDialog({ deployment, onClose, onStopped }: { deployment: Deployment; onClose: () => void; onStopped: (d: Deployment) => void }) {
  const checkpointing = deployment.checkpointing.enabled;
  // A running engine can write a savepoint; a suspended, lost or restarting one stops plainly.
  const canSnapshot = checkpointing && deployment.status === 'RUNNING';
  const [savepoint, setSavepoint] = useState(false);
  const [drain, setDrain] = useState(false);
  const t = useT();
  const { busy, actionError, setActionError, run } = useBusyAction<'stopping'>();
  const onStop = () =>
    void run('stopping', async () => {
      onStopped(await apiClient.stopDeployment(deployment.id, { savepoint: canSnapshot && savepoint, drain: canSnapshot && drain }));
    });
  return (
    <Modal
      testId="stop-dialog"
      title={t('deployments.stop.title')}
      onClose={onClose}
      busy={busy !== null}
      footer={
        <DialogButtons
          onCancel={onClose}
          onSubmit={onStop}
          busy={busy !== null}
          label={busy ? t('deployments.stop.stopping') : savepoint && canSnapshot ? t('deployments.stop.withSavepoint') : t('deployments.stop.stop')}
          testId="stop-submit"
          variant="danger"
        />
      }
    >
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      <label className="flex items-start gap-2 text-sm text-zinc-800">
        <input type="checkbox" className="mt-0.5" data-testid="stop-savepoint" checked={canSnapshot && savepoint} disabled={!canSnapshot} onChange={(e) => setSavepoint(e.target.checked)} />
        <span>
          {t('deployments.stop.savepointFirst')}
          <span className="block text-xs text-zinc-500">
            {canSnapshot ? t('deployments.stop.savepointHint') : checkpointing ? t('deployments.stop.onlyRunning', { status: t(`common.status.${deployment.status}`) }) : t('deployments.stop.needsCheckpointing')}
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm text-zinc-800">
        <input type="checkbox" className="mt-0.5" data-testid="stop-drain" checked={canSnapshot && drain} disabled={!canSnapshot} onChange={(e) => setDrain(e.target.checked)} />
        <span>
          {t('deployments.stop.drain')}
          <span className="block text-xs text-zinc-500">{t('deployments.stop.drainHint')}</span>
        </span>
      </label>
    </Modal>
  );
}
