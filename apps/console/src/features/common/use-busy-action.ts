'use client';

import { useState } from 'react';

/**
 * Runs one user action at a time (save, deploy, stop): `busy` names the one in flight, so
 * buttons can disable themselves, and a failure lands in `actionError` for the error banner.
 */
export function useBusyAction<Kind extends string>() {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const run = async (kind: Kind, action: () => Promise<void>) => {
    setBusy(kind);
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  };
  return { busy, actionError, setActionError, run };
}
