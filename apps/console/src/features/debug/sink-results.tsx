'use client';

import type { DebugRun, DebugVertexCounts } from '@weir/contracts';
import { useState } from 'react';
import { Tabs } from '../shell/tabs';
import { RowsTable } from './rows-table';
import type { LiveSink } from './use-debug-run';

type View = 'changes' | 'rows';

/** One sink's result: every change with its kind, and the rows they materialise to. */
function SinkResult({ sink }: { sink: DebugRun['sinks'][number] }) {
  const [view, setView] = useState<View>('rows');
  const columns = sink.columns.map((c) => c.name);
  return (
    <div data-testid={`debug-sink-${sink.table}`} className="flex flex-col gap-2">
      <Tabs
        tabs={[
          { id: 'rows', label: 'Final rows', badge: sink.rowCount },
          { id: 'changes', label: 'Changelog', badge: sink.changeCount },
        ]}
        active={view}
        onChange={setView}
      />
      {sink.upsertKey && <p className="text-xs text-zinc-500">materialised by key ({sink.upsertKey.join(', ')})</p>}
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
  const current = active && tables.includes(active) ? active : (tables[0] ?? null);
  if (tables.length === 0) return null;
  const finalSink = sinks.find((s) => s.table === current);
  const liveSink = live.find((s) => s.table === current);
  return (
    <div className="flex flex-col gap-2">
      {tables.length > 1 && <Tabs tabs={tables.map((t) => ({ id: t, label: t }))} active={current ?? ''} onChange={setActive} />}
      {finalSink ? (
        <SinkResult key={finalSink.table} sink={finalSink} />
      ) : (
        liveSink && (
          <div data-testid={`debug-live-${liveSink.table}`} className="flex flex-col gap-1">
            <p className="text-xs text-zinc-500">{liveSink.changeCount.toLocaleString()} changes so far</p>
            <RowsTable testId={`debug-live-changes-${liveSink.table}`} columns={Object.keys(liveSink.changes[0]?.row ?? {})} rows={liveSink.changes.map((c) => c.row)} kinds={liveSink.changes.map((c) => c.kind)} total={liveSink.changeCount} />
          </div>
        )
      )}
    </div>
  );
}

/** Rows in and out of each operator, as the run counted them. */
export function VertexCounts({ vertices }: { vertices: DebugVertexCounts[] }) {
  if (vertices.length === 0) return null;
  return (
    <table data-testid="debug-vertices" className="w-full border-collapse text-xs">
      <thead className="text-left text-zinc-500">
        <tr>
          <th className="py-1 font-normal">operator</th>
          <th className="py-1 text-right font-normal">in</th>
          <th className="py-1 text-right font-normal">out</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {vertices.map((v) => (
          <tr key={v.operatorId} className="border-t border-zinc-100">
            <td className="py-0.5">
              <span className="text-zinc-400">{v.vertexId}</span> {v.name}
            </td>
            <td className="py-0.5 pl-3 text-right">{v.recordsIn.toLocaleString()}</td>
            <td className="py-0.5 pl-3 text-right">{v.recordsOut.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
