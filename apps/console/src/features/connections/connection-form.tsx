'use client';

import { useState, type FormEvent } from 'react';
import { CONNECTION_FIELDS, ConnectionType, type Connection, type CreateConnectionRequest } from '@weir/contracts';
import { Button } from '../shell/button';
import { FormField, SelectInput, TextInput } from '../deployments/form-field';

/** The fields of a new connection: its type decides which options it asks for; secrets are typed, never shown. */
export function ConnectionForm({ busy, disabledReason, onSubmit }: { busy: boolean; disabledReason?: string; onSubmit: (body: CreateConnectionRequest) => void }) {
  const [type, setType] = useState<Connection['type']>('postgres');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [options, setOptions] = useState<Record<string, string>>({});
  const spec = CONNECTION_FIELDS[type];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = Object.fromEntries(Object.entries(options).filter(([key, value]) => value !== '' && (spec.fields.some((f) => f.key === key) || (spec.secretPrefix && key.startsWith(spec.secretPrefix)))));
    onSubmit({ name, type, description, options: filled });
  };
  return (
    <form onSubmit={submit} data-testid="connection-form" className="flex flex-col gap-3 rounded border border-zinc-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <FormField label="Name" hint="letters, digits, _ and -">
          <TextInput data-testid="connection-name" required pattern="[A-Za-z_][A-Za-z0-9_\-]*" value={name} onChange={(e) => setName(e.target.value)} placeholder="warehouse" />
        </FormField>
        <FormField label="Type">
          <SelectInput data-testid="connection-type" value={type} onChange={(e) => { setType(ConnectionType.parse(e.target.value)); setOptions({}); }}>
            {ConnectionType.options.map((t) => <option key={t} value={t}>{t}</option>)}
          </SelectInput>
        </FormField>
        <FormField label="Description">
          <TextInput value={description} onChange={(e) => setDescription(e.target.value)} placeholder="what it is for" />
        </FormField>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {spec.fields.map((f) => (
          <FormField key={f.key} label={`${f.key}${f.required ? ' *' : ''}`} hint={f.secret ? `${f.doc}; stored encrypted, never shown again` : f.doc}>
            <TextInput
              data-testid={`connection-option-${f.key}`}
              type={f.secret ? 'password' : 'text'}
              autoComplete="off"
              required={f.required}
              placeholder={f.default ?? ''}
              value={options[f.key] ?? ''}
              onChange={(e) => setOptions({ ...options, [f.key]: e.target.value })}
            />
          </FormField>
        ))}
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={busy || disabledReason !== undefined} title={disabledReason}>
          {busy ? 'Creating…' : 'Create connection'}
        </Button>
      </div>
    </form>
  );
}
