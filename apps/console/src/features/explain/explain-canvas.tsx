'use client';

import { useRef } from 'react';
import { useT } from '../i18n/i18n-provider';
import { Button } from '../shell/button';
import type { OperatorState } from '@weir/contracts';
import type { ExplainLayout, PlacedVertex } from './explain-layout';
import { VERTEX_BOX } from './explain-layout';
import { stateTag, truncate, wrapText } from './explain-labels';
import { useZoomPan } from './use-zoom-pan';

const SCOPE_COLOURS = { keyed: '#b45309', subtask: '#0369a1', none: '#a1a1aa' } as const;

/** The laid-out plan as SVG: drag to pan, wheel or the buttons to zoom, click a vertex to select it. */
export function ExplainCanvas({ layout, selected, onSelect }: { layout: ExplainLayout; selected: string | null; onSelect: (vertexId: string) => void }) {
  const container = useRef<HTMLDivElement | null>(null);
  const { view, fit, zoomIn, zoomOut, panHandlers } = useZoomPan(container, layout);
  const t = useT();
  return (
    <div ref={container} className="relative h-full min-h-0 w-full overflow-hidden bg-zinc-50" data-testid="explain-canvas">
      <svg className="block h-full w-full cursor-grab touch-none active:cursor-grabbing" {...panHandlers}>
        <defs>
          <marker id="explain-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 10 5 0 10z" fill="#71717a" />
          </marker>
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.scale})`}>
          {layout.edges.map((e) => (
            <g key={e.id} data-testid="explain-edge" data-label={e.label.text}>
              <polyline fill="none" stroke="#a1a1aa" strokeWidth="1.5" markerEnd="url(#explain-arrow)" points={e.points.map((p) => `${p.x},${p.y}`).join(' ')} />
              <rect x={e.label.x} y={e.label.y} width={e.label.width} height={e.label.height} rx="3" fill="#fff" stroke="#d4d4d8" />
              <text x={e.label.x + 6} y={e.label.y + 13} fontSize="11" fontFamily="ui-monospace, monospace" fill={e.edge.partitioning === 'hash' ? '#155e75' : '#3f3f46'}>
                {e.label.text}
              </text>
            </g>
          ))}
          {layout.vertices.map((placed) => (
            <VertexBox key={placed.vertex.id} placed={placed} active={placed.vertex.id === selected} onSelect={onSelect} />
          ))}
        </g>
      </svg>
      <div className="absolute right-3 top-3 flex items-center gap-1 rounded bg-white/90 p-1 shadow-sm ring-1 ring-zinc-200">
        <Button onClick={zoomOut} aria-label={t('explain.zoomOut')} data-testid="explain-zoom-out">−</Button>
        <span className="w-12 text-center text-xs tabular-nums text-zinc-600" data-testid="explain-zoom">{Math.round(view.scale * 100)}%</span>
        <Button onClick={zoomIn} aria-label={t('explain.zoomIn')} data-testid="explain-zoom-in">+</Button>
        <Button onClick={fit}>{t('explain.fit')}</Button>
      </div>
    </div>
  );
}

function VertexBox({ placed, active, onSelect }: { placed: PlacedVertex; active: boolean; onSelect: (vertexId: string) => void }) {
  const { vertex, x, y, width, height } = placed;
  const t = useT();
  return (
    <g
      transform={`translate(${x},${y})`}
      className="cursor-pointer"
      data-testid="explain-vertex"
      data-vertex={vertex.id}
      data-name={vertex.name}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={() => onSelect(vertex.id)}
    >
      <title>{vertex.name}</title>
      <rect width={width} height={height} rx="6" fill="#fff" stroke={active ? '#0e7490' : '#a1a1aa'} strokeWidth={active ? 2.5 : 1} />
      <rect width={width} height={VERTEX_BOX.header - 6} rx="6" fill={active ? '#0e7490' : '#164e63'} />
      <text x={10} y={16} fontSize="12" fontWeight="600" fill="#fff">{truncate(`${vertex.id} · ${vertex.name}`, 38)}</text>
      <text x={10} y={31} fontSize="11" fill="#a5f3fc">{t('explain.parallelism', { parallelism: vertex.parallelism })}</text>
      {vertex.operators.map((op, i) => {
        const top = VERTEX_BOX.header + i * VERTEX_BOX.operator;
        return (
          <g key={op.id} transform={`translate(0,${top})`}>
            <text x={10} y={12} fontSize="12" fontWeight="500" fill="#18181b">{truncate(op.name, 30)}</text>
            <text x={width - 10} y={12} fontSize="10" textAnchor="end" fontFamily="ui-monospace, monospace" fill="#52525b">[{op.changelogMode}]</text>
            <circle cx={14} cy={24} r={3.5} fill={SCOPE_COLOURS[op.state.scope]} />
            <text fontSize="10.5" fill={op.state.scope === 'none' ? '#a1a1aa' : '#3f3f46'}>
              {wrapText(stateLine(op.state), 46, 2).map((line, n) => (
                <tspan key={n} x={22} y={27 + n * 13}>{line}</tspan>
              ))}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The tag, then what is kept; a stateless operator's note (how a sink writes) follows its tag. */
function stateLine(state: OperatorState): string {
  const what = state.description.replace(/^none(: )?/, '');
  return what ? `${stateTag(state)}: ${what}` : stateTag(state);
}
