import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import type { DeployForm, DeployFormField, DeployFormIssues } from './deploy-form';

/** A labelled input with its hint, and its problem in red instead of the hint. */
export function FormField({ label, hint, error, children, className = '' }: { label: string; hint?: ReactNode; error?: string; children: ReactNode; className?: string }) {
  return (
    <label className={`flex flex-col gap-1 text-sm ${className}`}>
      <span className="font-medium text-zinc-700">{label}</span>
      {children}
      {error ? (
        <span className="text-xs text-red-700" data-testid="field-error">
          {error}
        </span>
      ) : (
        hint && <span className="text-xs text-zinc-500">{hint}</span>
      )}
    </label>
  );
}

const control = 'h-8 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-cyan-600 focus:outline-none focus:ring-1 focus:ring-cyan-600';

export function TextInput({ invalid, className = '', ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return <input {...props} aria-invalid={invalid || undefined} className={`${control} ${invalid ? 'border-red-400' : ''} ${className}`} />;
}

export function SelectInput({ className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${control} ${className}`} />;
}

/** A titled group of fields in the deploy dialog. */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <legend className="mb-2 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">{title}</legend>
      {children}
    </fieldset>
  );
}

/** A number typed as text into one of the deploy form's fields, with that field's problem. */
export function FormNumber({ form, issues, set, field, label, placeholder, hint }: {
  form: DeployForm;
  issues: DeployFormIssues;
  set: (field: DeployFormField, value: string) => void;
  field: DeployFormField;
  label: string;
  placeholder: string;
  hint?: string;
}) {
  return (
    <FormField label={label} error={issues[field]} hint={hint}>
      <TextInput data-testid={`deploy-${field}`} inputMode="decimal" value={String(form[field])} placeholder={placeholder} invalid={!!issues[field]} onChange={(e) => set(field, e.target.value)} />
    </FormField>
  );
}

/** A select over `[value, label]` pairs, reporting the chosen value typed. */
export function ChoiceSelect<V extends string>({ choices, value, onChange, testId }: { choices: readonly (readonly [V, string])[]; value: V; onChange: (value: V) => void; testId: string }) {
  return (
    <SelectInput data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {choices.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </SelectInput>
  );
}
