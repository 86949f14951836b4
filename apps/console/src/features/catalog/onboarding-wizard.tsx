'use client';

import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { CONNECTION_FIELDS, type CatalogTableRole, type PreviewResponse, type SampleResponse, type SqlDiagnostic } from '@weir/contracts';
import { apiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { useApiResource } from '../api/use-api-resource';
import { usePermission, useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { FormField, SelectInput, TextInput } from '../deployments/form-field';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { ddlTableName, renameDdlTable } from './ddl-name';
import { SampleTable } from './sample-table';

const SqlEditor = dynamic(() => import('../editor/sql-editor').then((m) => m.SqlEditor), {
  ssr: false,
  loading: () => <div className="flex h-full items-center justify-center text-sm text-zinc-400">Loading editor…</div>,
});

const ROLES: [CatalogTableRole, string][] = [['source', 'Source'], ['sink', 'Sink'], ['dimension', 'Dimension (lookup)']];

/**
 * Onboarding in one page: connection → object → a live sample → the inferred DDL, editable →
 * register under one or more roles. Nothing is written until Register.
 */
export function OnboardingWizard() {
  const params = useSearchParams();
  const router = useRouter();
  const { me } = useSession();
  const editor = usePermission('EDITOR');
  const connections = useApiResource(`connections:${me.workspace?.id ?? ''}`, apiClient.listConnections);
  const [connectionId, setConnectionId] = useState(params.get('connection') ?? '');
  const objects = useApiResource(connectionId ? `connection-objects:${connectionId}` : null, (signal) => apiClient.connectionObjects(connectionId, signal));
  const [object, setObject] = useState(params.get('object') ?? '');
  const [maxRows, setMaxRows] = useState('100');
  const [maxSeconds, setMaxSeconds] = useState('5');
  const [connector, setConnector] = useState<string | undefined>(undefined);
  const [sample, setSample] = useState<SampleResponse | null>(null);
  const [ddl, setDdl] = useState('');
  const [roles, setRoles] = useState<CatalogTableRole[]>(['source']);
  const [diagnostics, setDiagnostics] = useState<SqlDiagnostic[]>([]);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const { busy, actionError, setActionError, run } = useBusyAction<'sample' | 'preview' | 'register'>();
  const connection = connections.data?.items.find((c) => c.id === connectionId);
  const connectors = connection ? CONNECTION_FIELDS[connection.type].connectors : [];

  const takeSample = (chosen = connector) => void run('sample', async () => {
    const taken = await apiClient.sampleConnection(connectionId, { object, maxRows: Number(maxRows) || 100, maxSeconds: Number(maxSeconds) || 5, ...(chosen ? { connector: chosen } : {}) });
    setSample(taken);
    setDdl(taken.ddl);
    setDiagnostics([]);
    setPreview(null);
  });
  const tryDdl = () => void run('preview', async () => {
    const parsed = await apiClient.previewTable(connectionId, { object, ddl, maxRows: Number(maxRows) || 100, maxSeconds: Number(maxSeconds) || 5 });
    setPreview(parsed);
    setDiagnostics(parsed.diagnostics);
  });
  const register = () => void run('register', async () => {
    try {
      const saved = await apiClient.createTable({ ddl, connectionId, object, roles, description: `${connection?.name ?? ''} ${object}`.trim() });
      router.push(`/tables/${saved.table.id}`);
    } catch (error) {
      if (error instanceof ApiRequestError) setDiagnostics(error.diagnostics);
      throw error;
    }
  });

  return (
    <>
      <PageHeader title="Add a table" subtitle="Sample what a connection holds, check the inferred columns, edit the DDL, register it" />
      <div className="flex flex-col gap-4 p-6">
        <ErrorBanner error={connections.error ?? objects.error ?? actionError} onDismiss={() => setActionError(null)} />
        <section className="flex flex-wrap items-end gap-3 rounded border border-zinc-200 bg-white p-4" data-testid="wizard-source">
          <FormField label="1. Connection">
            <SelectInput data-testid="wizard-connection" value={connectionId} onChange={(e) => { setConnectionId(e.target.value); setSample(null); setConnector(undefined); }}>
              <option value="">choose…</option>
              {(connections.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name} ({c.type})</option>)}
            </SelectInput>
          </FormField>
          <FormField label="2. Table, topic, subject, queue or key" hint={objects.data?.hint}>
            <TextInput data-testid="wizard-object" list="wizard-objects" className="w-96 font-mono" value={object} onChange={(e) => setObject(e.target.value)} placeholder="public.orders" />
            <datalist id="wizard-objects">
              {(objects.data?.items ?? []).map((o) => <option key={o.name} value={o.name}>{o.kind}{o.detail ? `: ${o.detail}` : ''}</option>)}
            </datalist>
          </FormField>
          <FormField label="Rows at most">
            <TextInput className="w-24" inputMode="numeric" value={maxRows} onChange={(e) => setMaxRows(e.target.value)} />
          </FormField>
          <FormField label="Seconds at most">
            <TextInput className="w-24" inputMode="decimal" value={maxSeconds} onChange={(e) => setMaxSeconds(e.target.value)} />
          </FormField>
          {connectors.length > 1 && (
            <FormField label="Connector">
              <SelectInput value={connector ?? connectors[0]} onChange={(e) => { setConnector(e.target.value); if (sample) takeSample(e.target.value); }}>
                {connectors.map((c) => <option key={c} value={c}>{c}</option>)}
              </SelectInput>
            </FormField>
          )}
          <Button data-testid="wizard-sample" variant="primary" disabled={!connectionId || !object || busy !== null || !editor.allowed} title={editor.reason} onClick={() => takeSample()}>
            {busy === 'sample' ? 'Sampling…' : '3. Sample'}
          </Button>
        </section>
        {sample && (
          <>
            <section className="flex flex-col gap-2 rounded border border-zinc-200 bg-white p-4" data-testid="wizard-sample-result">
              <h2 className="text-sm font-semibold">
                {sample.rows.length} {sample.format === 'table' ? 'rows' : `${sample.format} messages`} in {sample.elapsedMs} ms
                {sample.timedOut && ' (stopped at the time limit)'}
                {sample.unparsed > 0 && `, ${sample.unparsed} not parsed as ${sample.format}`}
              </h2>
              <p className="font-mono text-xs text-zinc-600" data-testid="wizard-columns">
                {sample.columns.map((c) => `${c.name} ${c.type}${c.nullable ? '' : ' (never null)'}`).join(' · ')}
              </p>
              <SampleTable rows={sample.rows} />
            </section>
            <section className="flex flex-col gap-3 rounded border border-zinc-200 bg-white p-4">
              <div className="flex flex-wrap items-end gap-3">
                <FormField label="4. Table name">
                  <TextInput data-testid="wizard-table-name" className="w-64 font-mono" value={ddlTableName(ddl) ?? ''} onChange={(e) => setDdl(renameDdlTable(ddl, e.target.value))} />
                </FormField>
                <fieldset className="flex items-center gap-3 text-sm">
                  <legend className="mb-1 font-medium text-zinc-700">Roles</legend>
                  {ROLES.map(([role, label]) => (
                    <label key={role} className="flex items-center gap-1">
                      <input type="checkbox" data-testid={`wizard-role-${role}`} checked={roles.includes(role)} onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} />
                      {label}
                    </label>
                  ))}
                </fieldset>
                <Button data-testid="wizard-preview" disabled={busy !== null || !editor.allowed} title={editor.reason} onClick={tryDdl}>
                  {busy === 'preview' ? 'Reading…' : 'Preview with this DDL'}
                </Button>
                <Button data-testid="wizard-register" variant="primary" disabled={busy !== null || roles.length === 0 || !editor.allowed} title={editor.reason} onClick={register}>
                  {busy === 'register' ? 'Registering…' : '5. Register'}
                </Button>
              </div>
              <p className="text-xs text-zinc-500">The DDL as Weir would register it: add a watermark, a primary key or computed columns. The connection&apos;s address and credentials are merged in at every use and never written here.</p>
              <div className="h-72 overflow-hidden rounded border border-zinc-200" data-testid="sql-editor">
                <SqlEditor value={ddl} onChange={setDdl} diagnostics={diagnostics} />
              </div>
              {preview && (
                <div data-testid="wizard-preview-result" className="flex flex-col gap-1">
                  <h3 className="text-sm font-semibold">
                    Read with this DDL: {preview.rows.filter((r) => r.values).length} of {preview.rows.length} messages
                  </h3>
                  <SampleTable rows={preview.rows.map((r) => r.values ?? { '(not read)': r.error ?? '' })} />
                </div>
              )}
            </section>
          </>
        )}
      </div>
    </>
  );
}
