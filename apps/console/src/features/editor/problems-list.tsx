import type { SqlDiagnostic } from '@weir/contracts';
import { useT } from '../i18n/i18n-provider';
import type { SqlValidation } from './use-sql-validation';

const STATE_TEXT: Record<SqlValidation['state'], `editor.problems.${'checking' | 'ok' | 'failed'}` | null> = {
  checking: 'editor.problems.checking',
  ok: 'editor.problems.ok',
  problems: null,
  failed: 'editor.problems.failed',
};

/** The problems panel under the editor; a click jumps to the problem's position. */
export function ProblemsList({ validation, onSelect }: { validation: SqlValidation; onSelect: (d: SqlDiagnostic) => void }) {
  const { diagnostics, state } = validation;
  const t = useT();
  const stateText = STATE_TEXT[state];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section data-testid="problems" data-state={state} className="flex h-40 shrink-0 flex-col border-t border-zinc-200 bg-white">
      <header className="flex items-center gap-3 border-b border-zinc-100 px-4 py-1.5 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">
        <span>{t('editor.problems.title')}</span>
        {diagnostics.length > 0 && (
          <span className={`rounded px-1.5 ${errors > 0 ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-800'}`}>{diagnostics.length}</span>
        )}
        <span className={`ml-auto normal-case tracking-normal ${state === 'failed' ? 'text-red-700' : state === 'ok' ? 'text-emerald-700' : 'text-zinc-400'}`}>
          {stateText && t(stateText)}
          {state === 'failed' && validation.error instanceof Error ? `: ${validation.error.message}` : ''}
        </span>
      </header>
      <ul className="flex-1 overflow-auto py-1 text-sm">
        {diagnostics.map((d) => (
          <li key={`${d.line}:${d.column}:${d.code}:${d.message}`}>
            <button
              type="button"
              data-testid="problem"
              onClick={() => onSelect(d)}
              className="flex w-full items-baseline gap-2 px-4 py-0.5 text-left hover:bg-zinc-50"
            >
              <span className={`size-2 shrink-0 self-center rounded-full ${d.severity === 'error' ? 'bg-red-500' : 'bg-amber-500'}`} />
              <span className="w-16 shrink-0 font-mono text-xs text-zinc-500">
                {d.line}:{d.column}
              </span>
              <span className="min-w-0 flex-1 text-zinc-800">{d.message}</span>
              <span className="shrink-0 font-mono text-[11px] text-zinc-400">{d.code}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
