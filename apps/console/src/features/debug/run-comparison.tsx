'use client';

import type { DebugRunComparison } from '@weir/contracts';
import { useT } from '../i18n/i18n-provider';
import { RowsTable } from './rows-table';

/** Per sink, the final rows only one of two runs produced: what a change to the job changes on the same inputs. */
export function RunComparison({ comparison, labels }: { comparison: DebugRunComparison; labels: [string, string] }) {
  const t = useT();
  return (
    <div data-testid="debug-comparison" className="flex flex-col gap-3">
      {comparison.sinks.map((sink) => {
        const columns = sink.columns;
        return (
          <div key={sink.table} className="flex flex-col gap-1">
            <p className="text-xs text-zinc-600">
              {t.rich('debug.comparison.summary', { table: <span className="font-mono font-semibold">{sink.table}</span>, same: sink.same, onlyA: sink.onlyInA.length, labelA: labels[0], onlyB: sink.onlyInB.length, labelB: labels[1] })}
            </p>
            {sink.onlyInA.length + sink.onlyInB.length > 0 && (
              <div className="grid grid-cols-2 gap-3">
                <div>
                  <p className="mb-1 text-xs font-medium text-red-800">{t('debug.comparison.onlyIn', { label: labels[0] })}</p>
                  <RowsTable testId={`debug-only-a-${sink.table}`} columns={columns} rows={sink.onlyInA} />
                </div>
                <div>
                  <p className="mb-1 text-xs font-medium text-emerald-800">{t('debug.comparison.onlyIn', { label: labels[1] })}</p>
                  <RowsTable testId={`debug-only-b-${sink.table}`} columns={columns} rows={sink.onlyInB} />
                </div>
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
