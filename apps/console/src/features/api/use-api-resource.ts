'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type ApiResource<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again now, e.g. after an action changed the resource. */
  reload: () => void;
  /** Replaces the data with what an action already returned, saving a round trip. */
  setData: (data: T) => void;
};

/**
 * Loads a resource named by `key` (null: nothing to load) and, with `pollMs`, keeps it fresh.
 * The next poll is scheduled only after the previous one finished, so a slow API never gets a
 * pile of overlapping requests; a failed poll keeps the last good data and shows the error.
 */
export function useApiResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, pollMs?: number): ApiResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(key !== null);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const next = await loadRef.current(controller.signal);
        if (controller.signal.aborted) return;
        setData(next);
        setError(null);
      } catch (caught) {
        if (controller.signal.aborted) return;
        setError(caught);
      } finally {
        if (!controller.signal.aborted) {
          setLoading(false);
          if (pollMs) timer = setTimeout(run, pollMs);
        }
      }
    };
    setLoading(true);
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, pollMs, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: key === null ? undefined : data, error, loading, reload, setData };
}
