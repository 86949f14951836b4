import type { DeployForm, DeployFormField, DeployFormIssues, RestartChoice } from './deploy-form';
import { ChoiceSelect, FormField, FormNumber } from './form-field';
import { useT } from '../i18n/i18n-provider';

type Props = { form: DeployForm; issues: DeployFormIssues; set: (field: DeployFormField, value: string) => void };

/** The restart strategy and the parameters of the chosen kind; empty fields take Flink's defaults. */
export function RestartFields({ form, issues, set }: Props) {
  const t = useT();
  const choices: [RestartChoice, string][] = [
    ['', t('deployments.restart.default')],
    ['fixed-delay', t('deployments.restart.fixedDelay')],
    ['exponential-delay', t('deployments.restart.exponentialDelay')],
    ['failure-rate', t('deployments.restart.failureRate')],
    ['none', t('deployments.restart.none')],
  ];
  const number = (field: DeployFormField, label: string, placeholder: string, hint?: string) => (
    <FormNumber key={field} form={form} issues={issues} set={set} field={field} label={label} placeholder={placeholder} hint={hint} />
  );
  return (
    <>
      <FormField label={t('deployments.restart.strategy')}>
        <ChoiceSelect testId="deploy-restart" choices={choices} value={form.restart} onChange={(restart) => set('restart', restart)} />
      </FormField>
      {form.restart === 'fixed-delay' && [number('restartAttempts', t('deployments.restart.attempts'), '1'), number('restartDelayS', t('deployments.restart.delay'), '1')]}
      {form.restart === 'exponential-delay' && [
        number('initialBackoffS', t('deployments.restart.initialBackoff'), '1'),
        number('maxBackoffS', t('deployments.restart.maxBackoff'), '300'),
        number('backoffMultiplier', t('deployments.restart.multiplier'), '2'),
        number('restartAttempts', t('deployments.restart.attempts'), t('deployments.restart.unlimited')),
      ]}
      {form.restart === 'failure-rate' && [
        number('maxFailuresPerInterval', t('deployments.restart.maxFailures'), '1', t('deployments.restart.perInterval')),
        number('failureRateIntervalS', t('deployments.restart.interval'), '60'),
        number('restartDelayS', t('deployments.restart.delay'), '1'),
      ]}
    </>
  );
}
