'use client';

import type { ExplainGraph, ExplainVertex } from '@weir/contracts';
import { formatDuration } from '../common/format';
import { edgeLabel, stateTag } from './explain-labels';
import { useT } from '../i18n/i18n-provider';

/** Everything about one vertex: its operators with what they compute, emit and keep, and its edges. */
export function ExplainVertexDetails({ vertex, graph }: { vertex: ExplainVertex; graph: ExplainGraph }) {
  const inputs = graph.edges.filter((e) => e.target === vertex.id);
  const outputs = graph.edges.filter((e) => e.source === vertex.id);
  const t = useT();
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="explain-details">
      <div>
        <h3 className="font-semibold text-zinc-900">{t('explain.vertexTitle', { id: vertex.id, parallelism: vertex.parallelism })}</h3>
        <p className="break-words text-xs text-zinc-500">{vertex.name}</p>
      </div>
      <ol className="flex flex-col gap-2">
        {vertex.operators.map((op) => (
          <li key={op.id} className="rounded border border-zinc-200 p-2" data-testid="explain-operator">
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{op.name}</span>
              <span className="font-mono text-xs text-zinc-500">{op.kind}</span>
            </div>
            <p className="mt-1 break-words font-mono text-xs text-zinc-600">{op.description}</p>
            <dl className="mt-1 grid grid-cols-[5.5rem_1fr] gap-x-2 gap-y-0.5 text-xs">
              <dt className="text-zinc-500">{t('explain.changelog')}</dt>
              <dd className="font-mono">{op.changelogMode}</dd>
              <dt className="text-zinc-500">{t('explain.state')}</dt>
              <dd data-testid="explain-operator-state">
                <span className="mr-1 rounded bg-zinc-100 px-1">{stateTag(op.state)}</span>
                {op.state.description.replace(/^none(: )?/, '')}
              </dd>
              {op.state.ttlMs !== null && (
                <>
                  <dt className="text-zinc-500">{t('explain.stateTtl')}</dt>
                  <dd>{formatDuration(op.state.ttlMs)}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
      <EdgeList title={t('explain.inputs')} edges={inputs.map((e) => ({ key: `${e.source}>${e.target}`, end: e.source, label: edgeLabel(e, graph) }))} />
      <EdgeList title={t('explain.outputs')} edges={outputs.map((e) => ({ key: `${e.source}>${e.target}`, end: e.target, label: edgeLabel(e, graph) }))} />
    </div>
  );
}

function EdgeList({ title, edges }: { title: string; edges: { key: string; end: string; label: string }[] }) {
  if (edges.length === 0) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</h4>
      <ul className="font-mono text-xs">
        {edges.map((e) => (
          <li key={e.key}>
            {e.end}: {e.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
