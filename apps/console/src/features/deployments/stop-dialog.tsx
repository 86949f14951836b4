'use client';

import type { Deployment } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { DialogButtons, Modal } from '../shell/modal';

/** Stops a deployment: plainly, after a savepoint (to deploy from later), or draining the sources first. */
export function StopDialog({ deployment, onClose, onStopped }: { deployment: Deployment; onClose: () => void; onStopped: (d: Deployment) => void }) {
  const checkpointing = deployment.checkpointing.enabled;
  // A running engine can write a savepoint; a suspended, lost or restarting one stops plainly.
  const canSnapshot = checkpointing && deployment.status === 'RUNNING';
  const [savepoint, setSavepoint] = useState(false);
  const [drain, setDrain] = useState(false);
  const { busy, actionError, setActionError, run } = useBusyAction<'stopping'>();
  const onStop = () =>
    void run('stopping', async () => {
      onStopped(await apiClient.stopDeployment(deployment.id, { savepoint: canSnapshot && savepoint, drain: canSnapshot && drain }));
    });
  return (
    <Modal
      testId="stop-dialog"
      title="Stop deployment"
      onClose={onClose}
      busy={busy !== null}
      footer={
        <DialogButtons
          onCancel={onClose}
          onSubmit={onStop}
          busy={busy !== null}
          label={busy ? 'Stopping…' : savepoint && canSnapshot ? 'Stop with savepoint' : 'Stop'}
          testId="stop-submit"
          variant="danger"
        />
      }
    >
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      <label className="flex items-start gap-2 text-sm text-zinc-800">
        <input type="checkbox" className="mt-0.5" data-testid="stop-savepoint" checked={canSnapshot && savepoint} disabled={!canSnapshot} onChange={(e) => setSavepoint(e.target.checked)} />
        <span>
          Take a savepoint first
          <span className="block text-xs text-zinc-500">
            {canSnapshot ? 'A later deploy can restore it (Restore → a savepoint from the list).' : checkpointing ? `Only a RUNNING deployment can write one; this one is ${deployment.status}.` : 'Needs checkpointing, which this deployment has off.'}
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm text-zinc-800">
        <input type="checkbox" className="mt-0.5" data-testid="stop-drain" checked={canSnapshot && drain} disabled={!canSnapshot} onChange={(e) => setDrain(e.target.checked)} />
        <span>
          Drain the sources
          <span className="block text-xs text-zinc-500">End every source with a final watermark so open windows fire before the stop.</span>
        </span>
      </label>
    </Modal>
  );
}
