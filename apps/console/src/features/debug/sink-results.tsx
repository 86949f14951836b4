'use client';

import type { DebugRun, DebugVertexCounts } from '@weir/contracts';
import { useState } from 'react';
import { Tabs } from '../shell/tabs';
import { formatCount } from '../common/format';
import { useT } from '../i18n/i18n-provider';
import { RowsTable } from './rows-table';
import type { LiveSink } from './use-debug-run';

type View = 'changes' | 'rows';

/** One sink's result: every change with its kind, and the rows they materialise to. */
function SinkResult({ sink }: { sink: DebugRun['sinks'][number] }) {
  const [view, setView] = useState<View>('rows');
  const t = useT();
  const columns = sink.columns.map((c) => c.name);
  return (
    <div data-testid={`debug-sink-${sink.table}`} className="flex flex-col gap-2">
      <Tabs
        tabs={[
          { id: 'rows', label: t('debug.results.finalRows'), badge: sink.rowCount },
          { id: 'changes', label: t('debug.results.changelog'), badge: sink.changeCount },
        ]}
        active={view}
        onChange={setView}
      />
      {sink.upsertKey && <p className="text-xs text-zinc-500">{t('debug.results.materialised', { keys: sink.upsertKey.join(', ') })}</p>}
      {view === 'rows' ? (
        <RowsTable testId={`debug-rows-${sink.table}`} columns={columns} rows={sink.rows} total={sink.rowCount} />
      ) : (
        <RowsTable testId={`debug-changes-${sink.table}`} columns={columns} rows={sink.changes.map((c) => c.row)} kinds={sink.changes.map((c) => c.kind)} total={sink.changeCount} />
      )}
    </div>
  );
}

/** Each sink's result once the run ended, or the changes streaming in while it runs. */
export function SinkResults({ final, live }: { final: DebugRun | null; live: LiveSink[] }) {
  const sinks = final?.sinks ?? [];
  const tables = final ? sinks.map((s) => s.table) : live.map((s) => s.table);
  const [active, setActive] = useState<string | null>(null);
  const t = useT();
  const current = active && tables.includes(active) ? active : (tables[0] ?? null);
  if (tables.length === 0) return null;
  const finalSink = sinks.find((s) => s.table === current);
  const liveSink = live.find((s) => s.table === current);
  return (
    <div className="flex flex-col gap-2">
      {tables.length > 1 && <Tabs tabs={tables.map((table) => ({ id: table, label: table }))} active={current ?? ''} onChange={setActive} />}
      {finalSink ? (
        <SinkResult key={finalSink.table} sink={finalSink} />
      ) : (
        liveSink && (
          <div data-testid={`debug-live-${liveSink.table}`} className="flex flex-col gap-1">
            <p className="text-xs text-zinc-500">{t('debug.results.changesSoFar', { count: formatCount(liveSink.changeCount) })}</p>
            <RowsTable testId={`debug-live-changes-${liveSink.table}`} columns={Object.keys(liveSink.changes[0]?.row ?? {})} rows={liveSink.changes.map((c) => c.row)} kinds={liveSink.changes.map((c) => c.kind)} total={liveSink.changeCount} />
          </div>
        )
      )}
    </div>
  );
}

/** Rows in and out of each operator, as the run counted them. */
export function VertexCounts({ vertices }: { vertices: DebugVertexCounts[] }) {
  const t = useT();
  if (vertices.length === 0) return null;
  return (
    <table data-testid="debug-vertices" className="w-full border-collapse text-xs">
      <thead className="text-left text-zinc-500">
        <tr>
          <th className="py-1 font-normal">{t('debug.results.operator')}</th>
          <th className="py-1 text-right font-normal">{t('debug.results.in')}</th>
          <th className="py-1 text-right font-normal">{t('debug.results.out')}</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {vertices.map((v) => (
          <tr key={v.operatorId} className="border-t border-zinc-100">
            <td className="py-0.5">
              <span className="text-zinc-400">{v.vertexId}</span> {v.name}
            </td>
            <td className="py-0.5 pl-3 text-right">{formatCount(v.recordsIn)}</td>
            <td className="py-0.5 pl-3 text-right">{formatCount(v.recordsOut)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
