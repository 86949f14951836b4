'use client';

import type { Deployment, DeploymentConfig } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { useT } from '../i18n/i18n-provider';
import type { Translate } from '../i18n/translator';
import { DialogButtons, Modal } from '../shell/modal';
import { defaultDeployForm, formFromConfig, formIssuesOf, toDeployRequest, type DeployForm, type DeployFormField, type DeployFormIssues, type StartOffsetChoice } from './deploy-form';
import { ChoiceSelect, FieldGroup, FormField, FormNumber, TextInput } from './form-field';
import { RestartFields } from './restart-fields';
import { RestoreFields } from './restore-fields';

const modes = (t: Translate): [DeployForm['checkpointMode'], string][] => [
  ['', t('deployments.deploy.modeDefault')],
  ['EXACTLY_ONCE', 'EXACTLY_ONCE'],
  ['AT_LEAST_ONCE', 'AT_LEAST_ONCE'],
];
const incrementalChoices = (t: Translate): [DeployForm['incremental'], string][] => [
  ['', t('deployments.deploy.incrementalDefault')],
  ['on', t('deployments.deploy.incrementalOn')],
  ['off', t('deployments.deploy.incrementalOff')],
];
const startOffsets = (t: Translate): [StartOffsetChoice, string][] => [
  ['', t('deployments.deploy.offsetDefault')],
  ['earliest', t('deployments.deploy.earliest')],
  ['latest', t('deployments.deploy.latest')],
  ['timestamp', t('deployments.deploy.timestamp')],
];

/**
 * Deploys the job's latest version with the operator's choices of parallelism, checkpointing,
 * restarts, restore, offsets and memory; a redeploy starts from the previous deployment's choices.
 */
export function DeployDialog({ jobId, version, previous, onClose, onDeployed }: {
  jobId: string;
  version: number;
  previous: DeploymentConfig | null;
  onClose: () => void;
  onDeployed: (d: Deployment) => void;
}) {
  const [form, setForm] = useState<DeployForm>(() => (previous ? formFromConfig(previous) : defaultDeployForm()));
  const [issues, setIssues] = useState<DeployFormIssues>({});
  const t = useT();
  const { busy, actionError, setActionError, run } = useBusyAction<'deploying'>();

  const update = (changes: Partial<DeployForm>) => {
    setForm((f) => ({ ...f, ...changes }));
    setIssues((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in changes))));
  };
  const set = (field: DeployFormField, value: string) => update({ [field]: value });

  const onSubmit = () => {
    const result = toDeployRequest(form);
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    void run('deploying', async () => {
      try {
        onDeployed(await apiClient.deployJob(jobId, { ...result.request, version }));
      } catch (error) {
        if (error instanceof ApiRequestError) setIssues(formIssuesOf(error.fieldIssues));
        throw error;
      }
    });
  };

  const text = (field: DeployFormField, label: string, placeholder: string, hint?: string) => (
    <FormNumber form={form} issues={issues} set={set} field={field} label={label} placeholder={placeholder} hint={hint} />
  );

  return (
    <Modal
      wide
      testId="deploy-dialog"
      title={t.rich('deployments.deploy.title', { version: <span className="font-mono text-sm text-zinc-500">v{version}</span> })}
      onClose={onClose}
      busy={busy !== null}
      footer={<DialogButtons onCancel={onClose} onSubmit={onSubmit} busy={busy !== null} label={busy ? t('deployments.deploy.submitting') : t('deployments.deploy.submit')} testId="deploy-submit" />}
    >
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      <FieldGroup title={t('deployments.deploy.resources')}>
        {text('parallelism', t('deployments.deploy.parallelism'), '1')}
        {text('memoryLimitMb', t('deployments.deploy.memoryLimit'), '1024', t('deployments.deploy.memoryHint'))}
      </FieldGroup>
      <FieldGroup title={t('deployments.deploy.checkpointing')}>
        {text('checkpointIntervalS', t('deployments.deploy.interval'), t('deployments.deploy.intervalPlaceholder'), t('deployments.deploy.intervalHint'))}
        <FormField label={t('deployments.deploy.mode')}>
          <ChoiceSelect testId="deploy-checkpointMode" choices={modes(t)} value={form.checkpointMode} onChange={(checkpointMode) => update({ checkpointMode })} />
        </FormField>
        <FormField label={t('deployments.deploy.incremental')}>
          <ChoiceSelect testId="deploy-incremental" choices={incrementalChoices(t)} value={form.incremental} onChange={(incremental) => update({ incremental })} />
        </FormField>
      </FieldGroup>
      <FieldGroup title={t('deployments.deploy.restarts')}>
        <RestartFields form={form} issues={issues} set={set} />
      </FieldGroup>
      <div>
        <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">{t('deployments.deploy.state')}</h3>
        <RestoreFields jobId={jobId} form={form} issues={issues} update={update} />
      </div>
      <FieldGroup title={t('deployments.deploy.startOffset')}>
        <FormField label={t('deployments.deploy.sourcesStartAt')} hint={t('deployments.deploy.startHint')} className="sm:col-span-2">
          <ChoiceSelect testId="deploy-startOffset" choices={startOffsets(t)} value={form.startOffset} onChange={(startOffset) => update({ startOffset })} />
        </FormField>
        {form.startOffset === 'timestamp' && (
          <FormField label={t('deployments.deploy.from')} error={issues.startTimestamp}>
            <TextInput type="datetime-local" data-testid="deploy-startTimestamp" value={form.startTimestamp} invalid={!!issues.startTimestamp} onChange={(e) => set('startTimestamp', e.target.value)} />
          </FormField>
        )}
      </FieldGroup>
    </Modal>
  );
}
