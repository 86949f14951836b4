'use client';

import { useState } from 'react';
import { useT } from '../i18n/i18n-provider';
import { Button } from '../shell/button';
import { newFunctionDraft, type FunctionDraft } from './function-draft';

const INPUT = 'h-7 rounded border border-zinc-300 px-2 font-mono text-xs outline-none focus:border-cyan-600 focus:ring-1 focus:ring-cyan-600 disabled:bg-zinc-50';

/**
 * The job's user functions under the editor, saved with the SQL as one version. Each is what a
 * `CREATE FUNCTION name AS '<identifier>'` statement binds to (a Flink job's Java class name works).
 */
export function FunctionsPanel({ functions, onChange, readOnly }: { functions: FunctionDraft[]; onChange: (next: FunctionDraft[]) => void; readOnly: boolean }) {
  const [open, setOpen] = useState(functions.length > 0);
  const t = useT();
  const update = (index: number, patch: Partial<FunctionDraft>) => onChange(functions.map((fn, i) => (i === index ? { ...fn, ...patch } : fn)));
  return (
    <section data-testid="functions" className="flex shrink-0 flex-col border-t border-zinc-200 bg-white">
      <header className="flex items-center gap-3 px-4 py-1.5 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">
        <button type="button" data-testid="functions-toggle" onClick={() => setOpen(!open)} className="flex items-center gap-2 uppercase">
          <span>{open ? '▾' : '▸'} {t('editor.functions.title')}</span>
          {functions.length > 0 && <span className="rounded bg-zinc-100 px-1.5 text-zinc-700">{functions.length}</span>}
        </button>
        <span className="normal-case tracking-normal text-zinc-400">{t('editor.functions.sandboxed')}</span>
        {open && !readOnly && (
          <Button data-testid="add-function" className="ml-auto h-6 text-xs" onClick={() => onChange([...functions, newFunctionDraft(functions.length + 1)])}>
            {t('editor.functions.add')}
          </Button>
        )}
      </header>
      {open && (
        <div className="flex max-h-72 flex-col gap-2 overflow-auto px-4 pb-3">
          {functions.length === 0 && <p className="py-2 text-sm text-zinc-500">{t('editor.functions.empty')}</p>}
          {functions.map((fn, index) => (
            <div key={index} data-testid="function-row" className="flex flex-col gap-2 rounded border border-zinc-200 p-2">
              <div className="flex flex-wrap items-end gap-2 text-xs text-zinc-600">
                <label className="flex flex-col gap-1">
                  {t('editor.functions.identifier')}
                  <input name="identifier" disabled={readOnly} value={fn.identifier} onChange={(e) => update(index, { identifier: e.target.value })} className={`${INPUT} w-80`} />
                </label>
                <label className="flex flex-col gap-1">
                  {t('editor.functions.argumentTypes')}
                  <input name="argumentTypes" disabled={readOnly} value={fn.argumentTypes} onChange={(e) => update(index, { argumentTypes: e.target.value })} placeholder="STRING, BIGINT" className={`${INPUT} w-56`} />
                </label>
                <label className="flex flex-col gap-1">
                  {t('editor.functions.resultType')}
                  <input name="resultType" disabled={readOnly} value={fn.resultType} onChange={(e) => update(index, { resultType: e.target.value })} className={`${INPUT} w-40`} />
                </label>
                {!readOnly && (
                  <Button variant="danger" className="ml-auto h-7 text-xs" onClick={() => onChange(functions.filter((_, i) => i !== index))}>
                    {t('editor.functions.remove')}
                  </Button>
                )}
              </div>
              <textarea
                name="source"
                aria-label={t('editor.functions.sourceOf', { identifier: fn.identifier })}
                disabled={readOnly}
                value={fn.source}
                spellCheck={false}
                rows={Math.min(12, Math.max(2, fn.source.split('\n').length))}
                onChange={(e) => update(index, { source: e.target.value })}
                className="w-full rounded border border-zinc-300 p-2 font-mono text-xs outline-none focus:border-cyan-600 focus:ring-1 focus:ring-cyan-600 disabled:bg-zinc-50"
              />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
