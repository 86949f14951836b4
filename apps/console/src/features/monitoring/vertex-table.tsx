'use client';

import type { MetricSample } from '@weir/contracts';
import { formatCount } from '../common/format';
import { useT } from '../i18n/i18n-provider';

/** Per-vertex counters of the latest sample, in the order the worker reports them. */
export function VertexTable({ sample }: { sample: MetricSample | undefined }) {
  const t = useT();
  return (
    <table className="w-full text-sm" data-testid="vertex-table">
      <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-[11px] font-semibold uppercase tracking-wider text-zinc-500">
        <tr>
          <th className="px-4 py-2">{t('monitoring.vertex')}</th>
          <th className="px-4 py-2 text-right">{t('monitoring.recordsIn')}</th>
          <th className="px-4 py-2 text-right">{t('monitoring.recordsOut')}</th>
          <th className="px-4 py-2 text-right">{t('monitoring.inPerSecond')}</th>
          <th className="px-4 py-2 text-right">{t('monitoring.outPerSecond')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 font-mono text-xs">
        {sample?.vertices.map((v) => (
          <tr key={v.operatorId}>
            <td className="px-4 py-1.5 font-sans text-sm text-zinc-800">{v.name}</td>
            <td className="px-4 py-1.5 text-right">{formatCount(v.recordsIn)}</td>
            <td className="px-4 py-1.5 text-right">{formatCount(v.recordsOut)}</td>
            <td className="px-4 py-1.5 text-right">{formatCount(v.recordsInPerSecond)}</td>
            <td className="px-4 py-1.5 text-right">{formatCount(v.recordsOutPerSecond)}</td>
          </tr>
        ))}
        {!sample && (
          <tr>
            <td colSpan={5} className="px-4 py-6 text-center font-sans text-sm text-zinc-400">
              {t('monitoring.noSamples')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
