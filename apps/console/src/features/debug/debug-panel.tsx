'use client';

import type { DebugRunComparison, DebugTables, Fixture } from '@weir/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../common/error-banner';
import { useBusyAction } from '../common/use-busy-action';
import { useT } from '../i18n/i18n-provider';
import type { Translate } from '../i18n/translator';
import { formatCount } from '../common/format';
import { Button } from '../shell/button';
import { debugApi } from './debug-api';
import { emptyRow, InputEditor, toInputRequest, type InputDraft } from './input-editor';
import { RunComparison } from './run-comparison';
import { SinkResults, VertexCounts } from './sink-results';
import { useDebugRun } from './use-debug-run';

type RunSummary = Awaited<ReturnType<typeof debugApi.list>>['items'][number];

const label = (t: Translate, run: RunSummary | { version: number | null; id: string }) => `${run.version ? `v${run.version}` : t('debug.unsaved')} · ${run.id.slice(0, 8)}`;

/**
 * Debugs the editor's SQL: inputs per source (typed, a file, a live capture or a fixture), a
 * bounded run on a worker with every sink captured, each sink's changelog and final rows, counts
 * per operator, the failing row, fixtures, and two runs compared. Ctrl/Cmd+Shift+Enter runs it;
 * unsaved text runs as it stands, saved text as its version.
 */
export function DebugPanel({ jobId, sql, savedVersion, canRun, reason }: { jobId: string; sql: string; savedVersion: number | null; canRun: boolean; reason?: string }) {
  const [tables, setTables] = useState<DebugTables | null>(null);
  const [drafts, setDrafts] = useState<Record<string, InputDraft>>({});
  const [fixtures, setFixtures] = useState<Fixture[]>([]);
  const [history, setHistory] = useState<RunSummary[]>([]);
  const [fixtureName, setFixtureName] = useState('');
  const [compareWith, setCompareWith] = useState('');
  const [comparison, setComparison] = useState<DebugRunComparison | null>(null);
  const { busy, actionError, setActionError, run } = useBusyAction<'tables' | 'running' | 'stopping' | 'saving' | 'comparing'>();
  const debug = useDebugRun(jobId);
  const t = useT();
  const { state } = debug;
  const running = state.status === 'QUEUED' || state.status === 'RUNNING';

  const loadTables = useCallback(
    () =>
      run('tables', async () => {
        const found = await debugApi.tables(jobId, sql);
        setTables(found);
        setDrafts((current) => {
          const next: Record<string, InputDraft> = {};
          for (const t of found.sources) next[t.table] = current[t.table] ?? { mode: 'rows', rows: [emptyRow(t)] };
          for (const t of found.lookups) next[t.table] = current[t.table] ?? { mode: 'live' };
          return next;
        });
      }),
    // Tables are reloaded on demand (Refresh, Run), not on every keystroke.
    [run, jobId, sql],
  );
  const loadLists = useCallback(async () => {
    const [f, h] = await Promise.all([debugApi.fixtures(jobId), debugApi.list(jobId)]);
    setFixtures(f.items);
    setHistory(h.items);
  }, [jobId]);

  useEffect(() => {
    void loadTables();
    void loadLists().catch(setActionError);
    // Once when the panel opens for a job; later on Refresh and after each run.
  }, [jobId]);
  useEffect(() => {
    if (state.final) void loadLists().catch(setActionError);
  }, [state.final, loadLists, setActionError]);

  const onRun = useCallback(
    () =>
      run('running', async () => {
        setComparison(null);
        const inputs = Object.fromEntries(Object.entries(drafts).flatMap(([table, draft]) => {
          const input = toInputRequest(draft);
          return input ? [[table, input]] : [];
        }));
        const limits = { maxSeconds: 120, maxChanges: 10_000, maxRows: 10_000 };
        // Saved text runs as its version, so the run (and a comparison) names it.
        await debug.start(savedVersion !== null ? { version: savedVersion, inputs, limits } : { sql, inputs, limits });
      }),
    [run, drafts, debug, sql, savedVersion],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key === 'Enter' && canRun && !running) {
        event.preventDefault();
        void onRun();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onRun, canRun, running]);

  const final = state.final;
  const error = final?.error;
  return (
    <section data-testid="debug-panel" className="flex max-h-[60vh] min-h-0 flex-col gap-3 overflow-auto border-t border-zinc-200 bg-white px-6 py-3">
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-semibold text-zinc-800">{t('debug.title')}</h2>
        <span className="text-xs text-zinc-500">{t('debug.noRealSink')}</span>
        <div className="flex-1" />
        <Button onClick={() => void loadTables()} disabled={busy !== null}>
          {t('debug.refreshTables')}
        </Button>
        {running ? (
          <Button data-testid="debug-stop" variant="danger" onClick={() => run('stopping', debug.stop)} disabled={busy === 'stopping'}>
            {t('debug.stop')}
          </Button>
        ) : (
          <Button data-testid="debug-run" variant="primary" onClick={() => void onRun()} disabled={busy !== null || !canRun || !tables} title={reason ?? 'Ctrl/Cmd+Shift+Enter'}>
            {busy === 'running' ? t('debug.starting') : t('debug.run')}
          </Button>
        )}
      </div>
      <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
      {tables && (
        <div className="flex flex-col gap-3">
          {tables.sources.length === 0 && <p className="text-xs text-zinc-500">{t('debug.noSource')}</p>}
          {[...tables.sources.map((table) => ({ table, lookup: false })), ...tables.lookups.map((table) => ({ table, lookup: true }))].map(({ table, lookup }) => {
            const draft = drafts[table.table];
            return draft && <InputEditor key={table.table} table={table} lookup={lookup} draft={draft} fixtures={fixtures} onChange={(d) => setDrafts((all) => ({ ...all, [table.table]: d }))} />;
          })}
        </div>
      )}
      {state.status && (
        <div data-testid="debug-status" className="flex items-center gap-3 border-t border-zinc-100 pt-2 text-xs text-zinc-600">
          <span className="font-semibold">{t(`debug.status.${state.status}`)}</span>
          {final?.durationMs !== null && final?.durationMs !== undefined && <span>{t('debug.seconds', { n: (final.durationMs / 1000).toFixed(2) })}</span>}
          {final?.inputs.map((i) => (
            <span key={i.table}>{t('debug.inputRows', { table: i.table, rows: formatCount(i.rows), source: t(`debug.sources.${i.source}`) })}</span>
          ))}
        </div>
      )}
      {error && (
        <div role="alert" data-testid="debug-error" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-xs text-red-900">
          <p className="font-medium">
            <span className="mr-2 rounded bg-red-200 px-1.5 py-0.5 font-mono">{error.code}</span>
            {error.message}
          </p>
          {error.row && (
            <p className="mt-1 font-mono">
              {t('debug.causedBy', { index: error.row.index + 1, table: error.row.table, row: JSON.stringify(error.row.row) })}
            </p>
          )}
          {error.diagnostics?.map((d) => (
            <p key={`${d.line}:${d.column}`} className="font-mono">
              {d.line}:{d.column} {d.message}
            </p>
          ))}
        </div>
      )}
      <div className="grid grid-cols-[1fr_18rem] gap-4">
        <SinkResults final={final} live={state.live} />
        <VertexCounts vertices={state.vertices} />
      </div>
      {final && final.status !== 'FAILED' && (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-2 text-xs">
          <input data-testid="fixture-name" value={fixtureName} onChange={(e) => setFixtureName(e.target.value)} placeholder={t('debug.fixtureName')} className="h-7 w-48 rounded border border-zinc-300 px-1.5" />
          <Button
            data-testid="save-fixture"
            disabled={!fixtureName.trim() || busy !== null || !canRun}
            onClick={() =>
              run('saving', async () => {
                await debugApi.saveFixture(jobId, { name: fixtureName.trim(), debugRunId: final.id });
                setFixtureName('');
                await loadLists();
              })
            }
          >
            {t('debug.saveFixture')}
          </Button>
          <span className="ml-4 text-zinc-500">{t('debug.compareWith')}</span>
          <select data-testid="compare-with" value={compareWith} onChange={(e) => setCompareWith(e.target.value)} className="h-7 rounded border border-zinc-300 px-1">
            <option value="">{t('debug.earlierRun')}</option>
            {history
              .filter((h) => h.id !== final.id && (h.status === 'FINISHED' || h.status === 'STOPPED'))
              .map((h) => (
                <option key={h.id} value={h.id}>
                  {label(t, h)}
                  {h.fixtureId ? ` · ${fixtures.find((f) => f.id === h.fixtureId)?.name ?? t('debug.fixture')}` : ''}
                </option>
              ))}
          </select>
          <Button data-testid="compare-button" disabled={!compareWith || busy !== null} onClick={() => run('comparing', async () => setComparison(await debugApi.compare(compareWith, final.id)))}>
            {t('debug.compare')}
          </Button>
        </div>
      )}
      {comparison && final && <RunComparison comparison={comparison} labels={[label(t, history.find((h) => h.id === compareWith) ?? { id: compareWith, version: null }), label(t, final)]} />}
    </section>
  );
}
