'use client';

import type { Checkpoint, Deployment } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { usePermission } from '../auth/session-context';
import { useT } from '../i18n/i18n-provider';
import { Button } from '../shell/button';
import { DeployDialog } from './deploy-dialog';
import { deploymentStatus } from './deployment-status';
import { StopDialog } from './stop-dialog';

export type DeploymentActionKind = 'savepoint' | 'suspending' | 'resuming';

type Props = {
  jobId: string;
  /** The version a deploy starts; null until the job is loaded. */
  version: number | null;
  deployment: Deployment | null;
  /** The status shown, which the job summary may know before the deployment loads. */
  status: string | undefined;
  busy: DeploymentActionKind | null;
  run: (kind: DeploymentActionKind, action: () => Promise<void>) => Promise<void>;
  /** An action returned the deployment's new state (or a new deployment). */
  onChanged: (d: Deployment) => void;
  onSavepoint: (savepoint: Checkpoint) => void;
};

/** The job page's controls: savepoint, suspend or resume, stop (with its options) and deploy (with its dialog). */
export function DeploymentActions({ jobId, version, deployment, status, busy, run, onChanged, onSavepoint }: Props) {
  const [dialog, setDialog] = useState<'deploy' | 'stop' | null>(null);
  const { allowed, reason } = usePermission('EDITOR');
  const t = useT();
  const d = deployment;
  const act = (kind: DeploymentActionKind, action: (id: string) => Promise<void>) => () => d && void run(kind, () => action(d.id));
  return (
    <>
      {deploymentStatus.canSavepoint(d) && (
        <Button data-testid="savepoint-button" onClick={act('savepoint', async (id) => onSavepoint(await apiClient.triggerSavepoint(id)))} disabled={busy !== null || !allowed} title={reason}>
          {busy === 'savepoint' ? t('deployments.actions.takingSavepoint') : t('deployments.actions.savepoint')}
        </Button>
      )}
      {deploymentStatus.canSuspend(d) && (
        <Button data-testid="suspend-button" onClick={act('suspending', async (id) => onChanged(await apiClient.suspendDeployment(id)))} disabled={busy !== null || !allowed} title={reason}>
          {busy === 'suspending' ? t('deployments.actions.suspending') : t('deployments.actions.suspend')}
        </Button>
      )}
      {deploymentStatus.canResume(d) && (
        <Button data-testid="resume-button" variant="primary" onClick={act('resuming', async (id) => onChanged(await apiClient.resumeDeployment(id)))} disabled={busy !== null || !allowed} title={reason}>
          {busy === 'resuming' ? t('deployments.actions.resuming') : t('deployments.actions.resume')}
        </Button>
      )}
      {d && deploymentStatus.canStop(status) && (
        <Button data-testid="stop-button" variant="danger" onClick={() => setDialog('stop')} disabled={busy !== null || !allowed} title={reason}>
          {t('deployments.actions.stop')}
        </Button>
      )}
      <Button data-testid="deploy-button" variant="primary" onClick={() => setDialog('deploy')} disabled={busy !== null || !allowed || version === null || !deploymentStatus.canDeploy(status)} title={reason}>
        {t('deployments.actions.deploy')}
      </Button>
      {dialog === 'deploy' && version !== null && (
        <DeployDialog
          jobId={jobId}
          version={version}
          previous={d?.config ?? null}
          onClose={() => setDialog(null)}
          onDeployed={(created) => {
            setDialog(null);
            onChanged(created);
          }}
        />
      )}
      {dialog === 'stop' && d && (
        <StopDialog
          deployment={d}
          onClose={() => setDialog(null)}
          onStopped={(stopped) => {
            setDialog(null);
            onChanged(stopped);
          }}
        />
      )}
    </>
  );
}
