import type { DeployForm, DeployFormField, DeployFormIssues, RestartChoice } from './deploy-form';
import { ChoiceSelect, FormField, FormNumber } from './form-field';

type Props = { form: DeployForm; issues: DeployFormIssues; set: (field: DeployFormField, value: string) => void };

const CHOICES: [RestartChoice, string][] = [
  ['', 'Default (exponential from 0.5 s)'],
  ['fixed-delay', 'Fixed delay'],
  ['exponential-delay', 'Exponential delay'],
  ['failure-rate', 'Failure rate'],
  ['none', 'None: fail at the first failure'],
];

/** The restart strategy and the parameters of the chosen kind; empty fields take Flink's defaults. */
export function RestartFields({ form, issues, set }: Props) {
  const number = (field: DeployFormField, label: string, placeholder: string, hint?: string) => (
    <FormNumber key={field} form={form} issues={issues} set={set} field={field} label={label} placeholder={placeholder} hint={hint} />
  );
  return (
    <>
      <FormField label="Restart strategy">
        <ChoiceSelect testId="deploy-restart" choices={CHOICES} value={form.restart} onChange={(restart) => set('restart', restart)} />
      </FormField>
      {form.restart === 'fixed-delay' && [number('restartAttempts', 'Attempts', '1'), number('restartDelayS', 'Delay (s)', '1')]}
      {form.restart === 'exponential-delay' && [
        number('initialBackoffS', 'Initial backoff (s)', '1'),
        number('maxBackoffS', 'Max backoff (s)', '300'),
        number('backoffMultiplier', 'Multiplier', '2'),
        number('restartAttempts', 'Attempts', 'unlimited'),
      ]}
      {form.restart === 'failure-rate' && [
        number('maxFailuresPerInterval', 'Max failures', '1', 'per interval'),
        number('failureRateIntervalS', 'Interval (s)', '60'),
        number('restartDelayS', 'Delay (s)', '1'),
      ]}
    </>
  );
}
