'use client';

import { useState, type FormEvent } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { usePermission, useSession } from '../auth/session-context';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { FormField, TextInput } from '../deployments/form-field';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { TableHead, type Column } from '../shell/table-head';

const COLUMNS: Column[] = [{ label: 'Name' }, { label: 'Class name (CREATE FUNCTION … AS)' }, { label: 'Signature' }, { label: '', className: 'w-24' }];

/** The workspace's functions (StreamCompute's UDX): JavaScript every job calls by name, sandboxed on the workers. */
export function FunctionList() {
  const { me } = useSession();
  const editor = usePermission('EDITOR');
  const functions = useApiResource(`functions:${me.workspace?.id ?? ''}`, apiClient.listFunctions);
  const { busy, actionError, run } = useBusyAction<'create' | 'delete'>();
  const [name, setName] = useState('');
  const [className, setClassName] = useState('');
  const [resultType, setResultType] = useState('STRING');
  const [argumentTypes, setArgumentTypes] = useState('');
  const [source, setSource] = useState('(s) => s === null ? null : s.toUpperCase()');

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run('create', async () => {
      const types = argumentTypes.split(',').map((t) => t.trim()).filter(Boolean);
      await apiClient.createFunction({ name, className: className.trim() || null, resultType, source, ...(types.length ? { argumentTypes: types } : {}) });
      setName('');
      setClassName('');
      functions.reload();
    });
  };
  return (
    <>
      <PageHeader title="Functions" subtitle="Scalar functions for every job of the workspace: call them by name, or bind a Flink job's Java class name to them" />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={functions.error ?? actionError} />
        <form onSubmit={create} data-testid="function-form" className="flex flex-col gap-3 rounded border border-zinc-200 bg-white p-4">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
            <FormField label="SQL name"><TextInput required pattern="[A-Za-z_][A-Za-z0-9_]*" value={name} onChange={(e) => setName(e.target.value)} placeholder="count_char" className="font-mono" /></FormField>
            <FormField label="Java class name" hint="optional: what a Flink job's CREATE FUNCTION names"><TextInput value={className} onChange={(e) => setClassName(e.target.value)} placeholder="com.example.CountChar" className="font-mono" /></FormField>
            <FormField label="Result type"><TextInput required value={resultType} onChange={(e) => setResultType(e.target.value)} className="font-mono" /></FormField>
            <FormField label="Argument types" hint="comma separated; empty accepts any"><TextInput value={argumentTypes} onChange={(e) => setArgumentTypes(e.target.value)} placeholder="STRING, STRING" className="font-mono" /></FormField>
          </div>
          <FormField label="JavaScript" hint="an expression evaluating to a function; no require, fetch, timers or process">
            <textarea required value={source} onChange={(e) => setSource(e.target.value)} rows={4} className="rounded border border-zinc-300 px-2 py-1 font-mono text-xs" />
          </FormField>
          <div><Button type="submit" variant="primary" disabled={busy !== null || !editor.allowed} title={editor.reason}>{busy === 'create' ? 'Registering…' : 'Register function'}</Button></div>
        </form>
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="function-table">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100">
              {(functions.data?.items ?? []).map((f) => (
                <tr key={f.id} data-testid="function-row">
                  <td className="px-4 py-2 font-mono font-medium">{f.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{f.className ?? '—'}</td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-600">({(f.argumentTypes ?? ['…']).join(', ')}) → {f.resultType}</td>
                  <td className="px-4 py-2 text-right">
                    <Button variant="danger" disabled={busy !== null || !editor.allowed} title={editor.reason} onClick={() => window.confirm(`Delete function ${f.name}? Running jobs keep their copy.`) && void run('delete', async () => {
                      await apiClient.deleteFunction(f.id);
                      functions.reload();
                    })}>Delete</Button>
                  </td>
                </tr>
              ))}
              {functions.data && functions.data.items.length === 0 && <tr><td colSpan={COLUMNS.length} className="px-4 py-8 text-center text-zinc-500">No functions yet.</td></tr>}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
