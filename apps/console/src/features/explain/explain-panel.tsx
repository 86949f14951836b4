'use client';

import type { ExplainResponse, UserFunctionSource } from '@weir/contracts';
import { useEffect, useState } from 'react';
import { apiClient } from '../api/api-client';
import { ErrorBanner } from '../common/error-banner';
import { useT } from '../i18n/i18n-provider';
import { Button } from '../shell/button';
import { Tabs } from '../shell/tabs';
import { ExplainCanvas } from './explain-canvas';
import { layoutExplain, type ExplainLayout } from './explain-layout';
import { ExplainVertexDetails } from './explain-vertex-details';

/** What the panel explains: the editor's current text and functions, in the context of its job once saved. */
export interface ExplainSubject {
  sql: string;
  jobId: string | null;
  functions: UserFunctionSource[];
}

/**
 * A full-window panel with the plan the SQL would run: the graph (ELK, left to right) beside the
 * clicked vertex's details, or the text explain. It explains the SQL as it was when opened.
 */
export function ExplainPanel({ subject, onClose }: { subject: ExplainSubject; onClose: () => void }) {
  const [answer, setAnswer] = useState<ExplainResponse | null>(null);
  const [layout, setLayout] = useState<ExplainLayout | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<'graph' | 'text'>('graph');
  const t = useT();

  useEffect(() => {
    const controller = new AbortController();
    const { sql, jobId, functions } = subject;
    apiClient
      .explain({ sql, functions, ...(jobId ? { jobId } : {}) }, controller.signal)
      .then(async (explained) => {
        const placed = await layoutExplain(explained.graph);
        if (controller.signal.aborted) return;
        setAnswer(explained);
        setLayout(placed);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      });
    return () => controller.abort();
  }, [subject]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const vertex = answer?.graph.vertices.find((v) => v.id === selected);
  return (
    <div className="fixed inset-0 z-50 flex bg-zinc-900/40 p-4">
      <div role="dialog" aria-modal="true" aria-label={t('explain.title')} data-testid="explain-panel" className="flex min-h-0 w-full flex-col rounded-lg bg-white shadow-xl ring-1 ring-zinc-200">
        <header className="flex items-center gap-3 border-b border-zinc-100 px-5 py-3">
          <h2 className="text-base font-semibold text-zinc-900">{t('explain.title')}</h2>
          {answer && (
            <span className="text-xs text-zinc-500">
              {t('explain.summary', { vertices: answer.graph.vertices.length, edges: answer.graph.edges.length })}
            </span>
          )}
          <div className="flex-1" />
          <Button onClick={onClose} data-testid="explain-close">{t('common.close')}</Button>
        </header>
        {error !== null && (
          <div className="p-4">
            <ErrorBanner error={error} />
          </div>
        )}
        {error === null && !layout && <p className="p-8 text-center text-sm text-zinc-500">{t('explain.compiling')}</p>}
        {answer && layout && (
          <>
            <div className="px-5">
              <Tabs tabs={[{ id: 'graph', label: t('explain.graph') }, { id: 'text', label: t('explain.text') }]} active={tab} onChange={setTab} />
            </div>
            {tab === 'graph' ? (
              <div className="flex min-h-0 flex-1">
                <div className="min-w-0 flex-1">
                  <ExplainCanvas layout={layout} selected={selected} onSelect={setSelected} />
                </div>
                <aside className="w-96 shrink-0 overflow-y-auto border-l border-zinc-200 p-4">
                  {vertex ? (
                    <ExplainVertexDetails vertex={vertex} graph={answer.graph} />
                  ) : (
                    <p className="text-xs text-zinc-500">{t('explain.hint')}</p>
                  )}
                </aside>
              </div>
            ) : (
              <pre className="min-h-0 flex-1 overflow-auto bg-zinc-50 p-4 font-mono text-xs text-zinc-800" data-testid="explain-text">{answer.text}</pre>
            )}
          </>
        )}
      </div>
    </div>
  );
}
