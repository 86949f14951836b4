'use client';

import type { Job, JobVersion, SqlDiagnostic, UserFunctionSource } from '@weir/contracts';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { useApiResource } from '../api/use-api-resource';
import { setCompletionCatalog } from './catalog-completion';
import { setSqlReference } from './sql-reference-store';
import { ErrorBanner } from '../common/error-banner';
import { deploymentStatus } from '../deployments/deployment-status';
import { ExplainButton } from '../explain/explain-button';
import { StatusBadge } from '../deployments/status-badge';
import { Button } from '../shell/button';
import { usePermission } from '../auth/session-context';
import { PageHeader } from '../shell/page-header';
import { sameFunctions, toFunctionDraft, toFunctionSource, type FunctionDraft } from './function-draft';
import { FunctionsPanel } from './functions-panel';
import { ProblemsList } from './problems-list';
import { SaveConflict } from './save-conflict';
import type { SqlEditorHandle } from './sql-editor';
import { useSaveShortcut } from './use-save-shortcut';
import { useSqlValidation } from './use-sql-validation';
import { useBusyAction } from '../common/use-busy-action';
import { DebugPanel } from '../debug/debug-panel';
import { useT } from '../i18n/i18n-provider';
import { EditorLoading } from '../shell/editor-loading';

const SqlEditor = dynamic(() => import('./sql-editor').then((m) => m.SqlEditor), {
  ssr: false,
  loading: () => <EditorLoading />,
});

const JOB_POLL_MS = 3000;

const STARTER_SQL = `-- A source, a sink and the query that connects them.
CREATE TABLE orders (
  order_id BIGINT,
  amount DOUBLE
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '100'
);

CREATE TABLE sink (
  order_id BIGINT,
  amount DOUBLE
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO sink
SELECT order_id, amount FROM orders;
`;


/** What a new job starts from instead of the starter SQL and an empty name (a template). */
export interface JobDraft {
  name: string;
  sql: string;
}

/** Creates a job (`jobId` null, from `draft` when given) or edits a saved one; every save makes a new version. */
export function JobEditor({ jobId: initialJobId, draft }: { jobId: string | null; draft?: JobDraft }) {
  const router = useRouter();
  const t = useT();
  const [jobId, setJobId] = useState(initialJobId);
  const job = useApiResource(jobId ? `job:${jobId}` : null, (signal) => apiClient.getJob(jobId ?? '', signal), JOB_POLL_MS);
  const catalog = useApiResource('catalog-tables', apiClient.listTables);
  useEffect(() => {
    if (catalog.data) setCompletionCatalog(catalog.data.items);
  }, [catalog.data]);
  const reference = useApiResource('sql-reference', apiClient.getSqlReference);
  useEffect(() => {
    if (reference.data) setSqlReference(reference.data);
  }, [reference.data]);
  const [name, setName] = useState(draft?.name ?? '');
  const [sql, setSql] = useState(initialJobId ? '' : (draft?.sql ?? STARTER_SQL));
  const [savedSql, setSavedSql] = useState<string | null>(null);
  const { busy, actionError, setActionError, run } = useBusyAction<'saving' | 'reloading' | 'deploying' | 'stopping'>();
  // The version the editor's text was loaded from or last saved as, never a polled latest: a save names it as its base.
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const editor = usePermission('EDITOR');
  const editorRef = useRef<SqlEditorHandle | null>(null);
  const [functions, setFunctions] = useState<FunctionDraft[]>([]);
  const [savedFunctions, setSavedFunctions] = useState<UserFunctionSource[]>([]);
  const [debugOpen, setDebugOpen] = useState(false);
  const functionSources = functions.map(toFunctionSource);
  const validation = useSqlValidation(jobId, sql, functionSources);

  const loadVersion = useCallback((version: JobVersion) => {
    setSql(version.sql);
    setSavedSql(version.sql);
    setFunctions(version.functions.map(toFunctionDraft));
    setSavedFunctions(version.functions);
    setBaseVersion(version.version);
  }, []);
  // The editor takes the saved SQL and functions once; later polls only refresh status, never the text.
  const loaded = job.data;
  useEffect(() => {
    if (loaded && savedSql === null) loadVersion(loaded.latestVersion);
  }, [loaded, savedSql, loadVersion]);

  const dirty = savedSql === null ? jobId === null : sql !== savedSql || !sameFunctions(functions, savedFunctions);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = async (base = baseVersion): Promise<Job> => {
    const saved = jobId
      ? await apiClient.updateJob(jobId, { sql, functions: functionSources, message: message.trim(), baseVersion: base ?? undefined })
      : await apiClient.createJob({ name: name.trim(), description: '', sql, functions: functionSources, message: message.trim() });
    setSavedSql(sql);
    setSavedFunctions(saved.latestVersion.functions);
    setBaseVersion(saved.latestVersion.version);
    setMessage('');
    job.setData(saved);
    setNotice(t('editor.savedAs', { version: saved.latestVersion.version }));
    if (!jobId) {
      setJobId(saved.id);
      // Swap the URL in place: a navigation would remount the editor and drop its undo stack.
      window.history.replaceState(null, '', `/jobs/${saved.id}/edit`);
    }
    return saved;
  };


  const onSave = () => run('saving', async () => void (await save()));
  const refused = actionError instanceof ApiRequestError ? actionError : null;
  const conflict = refused?.staleSave ?? null;
  const onOverwrite = () => run('saving', async () => void (await save(conflict?.latestVersion)));
  const onReload = () =>
    run('reloading', async () => {
      if (!jobId) return;
      const fresh = await apiClient.getJob(jobId);
      job.setData(fresh);
      loadVersion(fresh.latestVersion);
      setNotice(null);
    });
  const onDeploy = () =>
    run('deploying', async () => {
      const saved = dirty || !jobId ? await save() : job.data;
      if (!saved) return;
      await apiClient.deployJob(saved.id, {});
      router.push(`/jobs/${saved.id}`);
    });
  const deployment = job.data?.deployment ?? null;
  const onStop = () =>
    run('stopping', async () => {
      if (!deployment) return;
      await apiClient.stopDeployment(deployment.id);
      job.reload();
    });
  const canSave = busy === null && editor.allowed && (dirty || jobId === null);
  const saveShortcut = () => {
    if (canSave) void onSave();
  };
  useSaveShortcut(saveShortcut);
  const jump = (d: SqlDiagnostic) => editorRef.current?.reveal(d.line, d.column);

  const title = jobId ? (job.data?.name ?? t('common.loading')) : t('editor.newJob');
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title={
          jobId ? (
            <Link href={`/jobs/${jobId}`} className="hover:underline">
              {title}
            </Link>
          ) : (
            title
          )
        }
        subtitle={
          <span className="flex items-center gap-2">
            {dirty ? (
              <span className="text-amber-700">{t('editor.unsaved')}</span>
            ) : notice ? (
              <span data-testid="save-status" className="text-emerald-700">
                {notice}
              </span>
            ) : (
              baseVersion !== null && <span>{t('editor.savedVersion', { version: baseVersion })}</span>
            )}
          </span>
        }
        actions={
          <>
            {deployment && <StatusBadge status={deployment.status} testId="status-badge" />}
            <Button data-testid="format-button" onClick={() => void editorRef.current?.format()} title={t('editor.formatTitle')}>
              {t('editor.format')}
            </Button>
            <Button data-testid="debug-toggle" onClick={() => setDebugOpen(!debugOpen)} disabled={jobId === null} title={jobId === null ? t('editor.saveFirst') : t('editor.debugTitle')}>
              {debugOpen ? t('editor.closeDebug') : t('editor.debug')}
            </Button>
            <ExplainButton sql={sql} jobId={jobId} functions={functionSources} disabled={busy !== null} />
            <input
              data-testid="version-message"
              aria-label={t('editor.versionMessage')}
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && saveShortcut()}
              placeholder={t('editor.versionMessagePlaceholder')}
              maxLength={500}
              disabled={!editor.allowed}
              className="h-8 w-64 rounded border border-zinc-300 px-2 text-sm outline-none focus:border-cyan-600 focus:ring-1 focus:ring-cyan-600"
            />
            <Button data-testid="save-button" onClick={onSave} disabled={!canSave} title={editor.reason}>
              {busy === 'saving' ? t('common.saving') : t('common.save')}
            </Button>
            {deploymentStatus.canStop(deployment?.status) && (
              <Button data-testid="stop-button" variant="danger" onClick={onStop} disabled={busy !== null || !editor.allowed} title={editor.reason}>
                {busy === 'stopping' ? t('editor.stopping') : t('editor.stop')}
              </Button>
            )}
            <Button data-testid="deploy-button" variant="primary" onClick={onDeploy} disabled={busy !== null || !editor.allowed || !deploymentStatus.canDeploy(deployment?.status)} title={editor.reason}>
              {busy === 'deploying' ? t('editor.deploying') : t('editor.deploy')}
            </Button>
          </>
        }
      />
      {(jobId === null || actionError !== null || job.error !== null) && (
        <div className="flex flex-col gap-2 border-b border-zinc-200 bg-white px-6 py-3">
          {jobId === null && (
            <label className="flex items-center gap-3 text-sm">
              <span className="w-12 text-zinc-600">{t('editor.name')}</span>
              <input
                data-testid="job-name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                placeholder="orders-to-warehouse"
                autoFocus
                className="h-8 w-80 rounded border border-zinc-300 px-2 font-mono text-sm outline-none focus:border-cyan-600 focus:ring-1 focus:ring-cyan-600"
              />
            </label>
          )}
          {conflict && refused ? (
            <SaveConflict message={refused.message} conflict={conflict} busy={busy !== null} onReload={onReload} onOverwrite={onOverwrite} />
          ) : (
            <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
          )}
          <ErrorBanner error={job.error} />
        </div>
      )}
      <div data-testid="sql-editor" className="min-h-[320px] flex-1 bg-white">
        <SqlEditor
          value={sql}
          onChange={setSql}
          diagnostics={validation.diagnostics}
          onSave={saveShortcut}
          onFormatError={setActionError}
          onReady={(handle) => {
            editorRef.current = handle;
          }}
        />
      </div>
      <ProblemsList validation={validation} onSelect={jump} />
      {debugOpen && jobId && <DebugPanel jobId={jobId} sql={sql} savedVersion={dirty ? null : baseVersion} canRun={editor.allowed} reason={editor.reason} />}
      {(jobId === null || savedSql !== null) && <FunctionsPanel functions={functions} onChange={setFunctions} readOnly={!editor.allowed} />}
    </div>
  );
}
