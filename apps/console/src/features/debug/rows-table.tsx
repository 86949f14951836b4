'use client';

import { useState } from 'react';
import { useT } from '../i18n/i18n-provider';

const PAGE = 100;

const KIND_STYLE: Record<string, string> = {
  '+I': 'bg-emerald-50 text-emerald-800',
  '+U': 'bg-sky-50 text-sky-800',
  '-U': 'bg-amber-50 text-amber-800',
  '-D': 'bg-red-50 text-red-800',
};

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A page of result rows at a time, so ten thousand rows cost the page no more than a hundred; kinds coloured as Flink prints them. */
export function RowsTable({ columns, rows, kinds, testId, total }: { columns: string[]; rows: Record<string, unknown>[]; kinds?: string[]; testId: string; total?: number }) {
  const [page, setPage] = useState(0);
  const t = useT();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const at = Math.min(page, pages - 1);
  const shown = rows.slice(at * PAGE, at * PAGE + PAGE);
  return (
    <div className="flex flex-col gap-1">
      <div className="max-h-80 overflow-auto rounded border border-zinc-200">
        <table data-testid={testId} className="w-full border-collapse font-mono text-xs">
          <thead className="sticky top-0 bg-zinc-50 text-left text-zinc-600">
            <tr>
              {kinds && <th className="w-10 border-b border-zinc-200 px-2 py-1">{t('debug.results.op')}</th>}
              {columns.map((c) => (
                <th key={c} className="border-b border-zinc-200 px-2 py-1 font-semibold">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => {
              const kind = kinds?.[at * PAGE + i];
              return (
                <tr key={at * PAGE + i} className="odd:bg-white even:bg-zinc-50/50">
                  {kinds && <td className={`px-2 py-0.5 font-semibold ${KIND_STYLE[kind ?? ''] ?? ''}`}>{kind}</td>}
                  {columns.map((c) => (
                    <td key={c} className={`whitespace-nowrap px-2 py-0.5 ${row[c] === null ? 'text-zinc-400' : ''}`}>
                      {cell(row[c])}
                    </td>
                  ))}
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + (kinds ? 1 : 0)} className="px-2 py-2 text-zinc-400">
                  {t('debug.results.noRows')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-2 text-xs text-zinc-500">
        <span>
          {t('debug.results.range', { from: rows.length === 0 ? 0 : at * PAGE + 1, to: at * PAGE + shown.length, count: rows.length })}
          {total !== undefined && total > rows.length ? t('debug.results.totalShown', { total }) : ''}
        </span>
        {pages > 1 && (
          <>
            <button type="button" className="rounded px-1 hover:bg-zinc-100 disabled:text-zinc-300" disabled={at === 0} onClick={() => setPage(at - 1)}>
              {t('debug.results.prev')}
            </button>
            <button type="button" className="rounded px-1 hover:bg-zinc-100 disabled:text-zinc-300" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
              {t('debug.results.next')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
