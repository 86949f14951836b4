'use client';

import { MetricSample } from '@weir/contracts';
import { useEffect, useState } from 'react';
import { apiClient } from '../api/api-client';
import { mergeSamples } from './merge-samples';

export type MetricsStream = {
  samples: MetricSample[];
  /** True while the SSE connection is open. */
  connected: boolean;
  error: unknown;
};

/**
 * A deployment's samples: the recent history from the API, then live ones over SSE while
 * `live` (a stopped deployment keeps its last chart but opens no stream, which would only
 * reconnect forever).
 */
export function useMetricsStream(deploymentId: string | null, live: boolean): MetricsStream {
  const [samples, setSamples] = useState<MetricSample[]>([]);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setSamples([]);
    setError(null);
    if (!deploymentId) return;
    const controller = new AbortController();
    apiClient.listMetrics(deploymentId, controller.signal).then(
      (list) => setSamples((current) => mergeSamples(current, list.items)),
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      },
    );
    return () => controller.abort();
  }, [deploymentId]);

  useEffect(() => {
    if (!deploymentId || !live) return;
    const source = new EventSource(apiClient.metricsStreamUrl(deploymentId));
    const onSample = (event: MessageEvent<string>) => {
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = MetricSample.safeParse(json);
      if (parsed.success) setSamples((current) => mergeSamples(current, [parsed.data]));
    };
    source.addEventListener('sample', onSample);
    // Unnamed events arrive as `message`; accept both so the wire format can stay minimal.
    source.addEventListener('message', onSample);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      source.close();
      setConnected(false);
    };
  }, [deploymentId, live]);

  return { samples, connected, error };
}
