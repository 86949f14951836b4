'use client';

import type { Deployment, DeploymentConfig } from '@weir/contracts';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { DialogButtons, Modal } from '../shell/modal';
import { defaultDeployForm, formFromConfig, formIssuesOf, toDeployRequest, type DeployForm, type DeployFormField, type DeployFormIssues, type StartOffsetChoice } from './deploy-form';
import { ChoiceSelect, FieldGroup, FormField, FormNumber, TextInput } from './form-field';
import { RestartFields } from './restart-fields';
import { RestoreFields } from './restore-fields';

const MODES: [DeployForm['checkpointMode'], string][] = [
  ['', 'SQL SET or EXACTLY_ONCE'],
  ['EXACTLY_ONCE', 'EXACTLY_ONCE'],
  ['AT_LEAST_ONCE', 'AT_LEAST_ONCE'],
];
const INCREMENTAL: [DeployForm['incremental'], string][] = [
  ['', 'SQL SET or engine default'],
  ['on', 'on: write only changed state'],
  ['off', 'off: full snapshots'],
];
const START_OFFSETS: [StartOffsetChoice, string][] = [
  ['', "Each source's own option"],
  ['earliest', 'Earliest'],
  ['latest', 'Latest'],
  ['timestamp', 'A point in time'],
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
      title={<>Deploy <span className="font-mono text-sm text-zinc-500">v{version}</span></>}
      onClose={onClose}
      busy={busy !== null}
      footer={<DialogButtons onCancel={onClose} onSubmit={onSubmit} busy={busy !== null} label={busy ? 'Deploying…' : 'Deploy'} testId="deploy-submit" />}
    >
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      <FieldGroup title="Resources">
        {text('parallelism', 'Parallelism', '1')}
        {text('memoryLimitMb', 'Memory limit (MB)', '1024', 'Heap of the run')}
      </FieldGroup>
      <FieldGroup title="Checkpointing">
        {text('checkpointIntervalS', 'Interval (s)', 'SQL SET or 10', '0 turns it off')}
        <FormField label="Mode">
          <ChoiceSelect testId="deploy-checkpointMode" choices={MODES} value={form.checkpointMode} onChange={(checkpointMode) => update({ checkpointMode })} />
        </FormField>
        <FormField label="Incremental">
          <ChoiceSelect testId="deploy-incremental" choices={INCREMENTAL} value={form.incremental} onChange={(incremental) => update({ incremental })} />
        </FormField>
      </FieldGroup>
      <FieldGroup title="Restarts">
        <RestartFields form={form} issues={issues} set={set} />
      </FieldGroup>
      <div>
        <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">State</h3>
        <RestoreFields jobId={jobId} form={form} issues={issues} update={update} />
      </div>
      <FieldGroup title="Start offset">
        <FormField label="Sources start at" hint="Applies only when nothing is restored" className="sm:col-span-2">
          <ChoiceSelect testId="deploy-startOffset" choices={START_OFFSETS} value={form.startOffset} onChange={(startOffset) => update({ startOffset })} />
        </FormField>
        {form.startOffset === 'timestamp' && (
          <FormField label="From" error={issues.startTimestamp}>
            <TextInput type="datetime-local" data-testid="deploy-startTimestamp" value={form.startTimestamp} invalid={!!issues.startTimestamp} onChange={(e) => set('startTimestamp', e.target.value)} />
          </FormField>
        )}
      </FieldGroup>
    </Modal>
  );
}
