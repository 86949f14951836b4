'use client';

import type { DebugInputRequest, DebugTables, Fixture } from '@weir/contracts';
import { formatCount } from '../common/format';
import { useT } from '../i18n/i18n-provider';
import { parseInputFile } from './parse-input-file';

/** How one table gets its rows in the panel; turned into the API's DebugInputRequest on Run. */
export type InputDraft =
  | { mode: 'rows'; rows: Record<string, string>[] }
  | { mode: 'file'; fileName: string; rows: Record<string, unknown>[]; error?: string }
  | { mode: 'capture'; maxRows: number; maxSeconds: number }
  | { mode: 'fixture'; fixtureId: string }
  | { mode: 'live' };

type Table = DebugTables['sources'][number];

/** The request for a draft; typed cells left empty are NULL, and a dimension table read live sends nothing. */
export function toInputRequest(draft: InputDraft): DebugInputRequest | undefined {
  switch (draft.mode) {
    case 'rows':
      return { rows: draft.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''))) };
    case 'file':
      return { rows: draft.rows };
    case 'capture':
      return { capture: { maxRows: draft.maxRows, maxSeconds: draft.maxSeconds } };
    case 'fixture':
      return { fixtureId: draft.fixtureId };
    case 'live':
      return undefined;
  }
}

const inputClass = 'h-7 rounded border border-zinc-300 px-1.5 font-mono text-xs outline-none focus:border-cyan-600';

/** The rows of one source or dimension table: typed in a grid, from a file, captured live, or a saved fixture. */
export function InputEditor({ table, lookup, draft, fixtures, onChange }: { table: Table; lookup: boolean; draft: InputDraft; fixtures: Fixture[]; onChange: (draft: InputDraft) => void }) {
  const t = useT();
  const modes: { id: InputDraft['mode']; label: string }[] = [
    { id: 'rows', label: t('debug.input.typedRows') },
    { id: 'file', label: t('debug.input.file') },
    ...(lookup ? [{ id: 'live' as const, label: t('debug.input.readLive') }] : [{ id: 'capture' as const, label: t('debug.input.captureLive') }]),
    ...(fixtures.length > 0 ? [{ id: 'fixture' as const, label: t('debug.input.fixture') }] : []),
  ];
  const switchTo = (mode: InputDraft['mode']) => {
    if (mode === 'rows') onChange({ mode, rows: [emptyRow(table)] });
    else if (mode === 'file') onChange({ mode, fileName: '', rows: [] });
    else if (mode === 'capture') onChange({ mode, maxRows: 1000, maxSeconds: 10 });
    else if (mode === 'fixture') onChange({ mode, fixtureId: fixtures[0]?.id ?? '' });
    else onChange({ mode: 'live' });
  };
  const testId = `debug-input-${table.table}`;
  return (
    <div data-testid={testId} className="flex flex-col gap-2">
      <div className="flex items-center gap-3 text-xs">
        <span className="font-mono font-semibold text-zinc-800">{table.table}</span>
        <span className="text-zinc-400">{lookup ? t('debug.input.dimensionTable') : t('debug.input.source')} · {table.connector}</span>
        <select data-testid={`${testId}-mode`} value={draft.mode} onChange={(e) => switchTo(e.target.value as InputDraft['mode'])} className={inputClass}>
          {modes.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      {draft.mode === 'rows' && <RowGrid table={table} rows={draft.rows} testId={testId} onChange={(rows) => onChange({ mode: 'rows', rows })} />}
      {draft.mode === 'file' && (
        <div className="flex items-center gap-2 text-xs">
          <input
            data-testid={`${testId}-file`}
            type="file"
            accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              try {
                onChange({ mode: 'file', fileName: file.name, rows: parseInputFile(file.name, await file.text()) });
              } catch (error) {
                onChange({ mode: 'file', fileName: file.name, rows: [], error: error instanceof Error ? error.message : String(error) });
              }
            }}
          />
          {draft.fileName && !draft.error && <span className="text-zinc-600">{t('debug.input.rowsFrom', { count: formatCount(draft.rows.length), file: draft.fileName })}</span>}
          {draft.error && <span className="text-red-700">{draft.fileName}: {draft.error}</span>}
        </div>
      )}
      {draft.mode === 'capture' && (
        <div className="flex items-center gap-2 text-xs text-zinc-600">
          {t.rich('debug.input.capture', {
            rows: <input type="number" min={1} max={1_000_000} value={draft.maxRows} onChange={(e) => onChange({ ...draft, maxRows: Number(e.target.value) })} className={`${inputClass} w-24`} />,
            seconds: <input type="number" min={1} max={300} value={draft.maxSeconds} onChange={(e) => onChange({ ...draft, maxSeconds: Number(e.target.value) })} className={`${inputClass} w-16`} />,
          })}
        </div>
      )}
      {draft.mode === 'fixture' && (
        <select value={draft.fixtureId} onChange={(e) => onChange({ mode: 'fixture', fixtureId: e.target.value })} className={`${inputClass} w-72`}>
          {fixtures.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.tables.map((ft) => `${ft.table}: ${ft.rows}`).join(', ')})
            </option>
          ))}
        </select>
      )}
      {draft.mode === 'live' && <p className="text-xs text-zinc-500">{t('debug.input.lookupsLive')}</p>}
    </div>
  );
}

export function emptyRow(table: Table): Record<string, string> {
  return Object.fromEntries(table.columns.map((c) => [c.name, '']));
}

function RowGrid({ table, rows, testId, onChange }: { table: Table; rows: Record<string, string>[]; testId: string; onChange: (rows: Record<string, string>[]) => void }) {
  const t = useT();
  const set = (index: number, column: string, value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [column]: value } : row)));
  return (
    <div className="overflow-x-auto">
      <table className="border-collapse text-xs">
        <thead>
          <tr className="text-left text-zinc-500">
            {table.columns.map((c) => (
              <th key={c.name} className="px-1 pb-1 font-normal">
                <span className="font-mono font-semibold text-zinc-700">{c.name}</span> <span className="text-zinc-400">{c.type}</span>
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.name} className="px-1 py-0.5">
                  <input
                    data-testid={`${testId}-cell-${i}-${c.name}`}
                    value={row[c.name] ?? ''}
                    placeholder="NULL"
                    onChange={(e) => set(i, c.name, e.target.value)}
                    className={`${inputClass} w-36`}
                  />
                </td>
              ))}
              <td>
                <button type="button" aria-label={t('debug.input.removeRow', { n: i + 1 })} className="px-1 text-zinc-400 hover:text-red-700" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid={`${testId}-add-row`} className="mt-1 text-xs text-cyan-800 hover:underline" onClick={() => onChange([...rows, emptyRow(table)])}>
        {t('debug.input.addRow')}
      </button>
    </div>
  );
}
