'use client';

import { DebugEvent, type CapturedChange, type DebugRun, type DebugRunRequest, type DebugVertexCounts } from '@weir/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { debugApi } from './debug-api';

/** Changes kept per sink while a run streams; the final result replaces them. */
const LIVE_CHANGES = 2000;

export interface LiveSink {
  table: string;
  changeCount: number;
  changes: CapturedChange[];
}

export interface DebugRunState {
  runId: string | null;
  status: DebugRun['status'] | null;
  /** While running: what the stream brought so far. */
  live: LiveSink[];
  vertices: DebugVertexCounts[];
  /** Once ended: the run as the API keeps it. */
  final: DebugRun | null;
}

const EMPTY: DebugRunState = { runId: null, status: null, live: [], vertices: [], final: null };

/**
 * One debug run at a time: starts it, follows its Server-Sent Events (progress appended in
 * batches, so a million-row run never re-renders per row), then loads its final result.
 */
export function useDebugRun(jobId: string | null) {
  const [state, setState] = useState<DebugRunState>(EMPTY);
  const source = useRef<EventSource | null>(null);
  const close = () => {
    source.current?.close();
    source.current = null;
  };
  useEffect(() => close, []);

  const loadFinal = useCallback(async (runId: string) => {
    for (;;) {
      const run = await debugApi.get(runId);
      if (run.status !== 'QUEUED' && run.status !== 'RUNNING') {
        setState((s) => (s.runId === runId ? { ...s, status: run.status, final: run, vertices: run.vertices } : s));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, []);

  const follow = useCallback(
    (runId: string) => {
      close();
      const events = new EventSource(debugApi.eventsUrl(runId));
      source.current = events;
      const onEvent = (message: MessageEvent<string>) => {
        const parsed = DebugEvent.safeParse(JSON.parse(message.data));
        if (!parsed.success) return;
        const event = parsed.data;
        if (event.type === 'status') setState((s) => ({ ...s, status: event.status }));
        else if (event.type === 'progress') {
          setState((s) => ({
            ...s,
            status: 'RUNNING',
            vertices: event.vertices,
            live: event.sinks.map((sink) => {
              const before = s.live.find((l) => l.table === sink.table)?.changes ?? [];
              const room = Math.max(0, LIVE_CHANGES - before.length);
              return { table: sink.table, changeCount: sink.changeCount, changes: room > 0 ? [...before, ...sink.newChanges.slice(0, room)] : before };
            }),
          }));
        } else {
          close();
          void loadFinal(runId);
        }
      };
      for (const type of ['status', 'progress', 'done']) events.addEventListener(type, onEvent as EventListener);
      // A dropped stream (proxy restart, sleep) falls back to polling the run.
      events.onerror = () => {
        close();
        void loadFinal(runId);
      };
    },
    [loadFinal],
  );

  const start = useCallback(
    async (body: DebugRunRequest) => {
      if (!jobId) return;
      const { id } = await debugApi.start(jobId, body);
      setState({ ...EMPTY, runId: id, status: 'QUEUED' });
      follow(id);
    },
    [jobId, follow],
  );

  const stop = useCallback(async () => {
    if (state.runId) await debugApi.stop(state.runId);
  }, [state.runId]);

  /** Shows an earlier run (from the history) as if it had just ended. */
  const show = useCallback(
    (runId: string) => {
      close();
      setState({ ...EMPTY, runId, status: 'RUNNING' });
      void loadFinal(runId);
    },
    [loadFinal],
  );

  return { state, start, stop, show };
}
