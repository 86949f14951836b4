import type { CheckpointStorage } from '@weir/engine';

/** A snapshot's folder URI split into its storage root and the folder key inside it. */
export function splitLocation(location: string): { rootUri: string; folder: string } {
  const trimmed = location.replace(/\/+$/, '');
  const at = trimmed.lastIndexOf('/');
  return { rootUri: trimmed.slice(0, at), folder: trimmed.slice(at + 1) };
}

const completedSnapshot = /^(?:chk-(\d+)|sp-(\d+)-\d+)\/_metadata$/;

/**
 * The folder of the newest completed checkpoint or savepoint in `storage`, or null. Savepoints
 * count too (unlike the engine's findLatestCheckpoint): a stop with savepoint or a triggered
 * savepoint commits sink output like a checkpoint, so restoring an older checkpoint would write
 * that output twice. Checkpoints and savepoints share one numbering per storage.
 */
export async function newestSnapshot(storage: CheckpointStorage): Promise<{ folder: string; checkpointId: number } | null> {
  let best: { folder: string; checkpointId: number } | null = null;
  for (const key of await storage.list('')) {
    const match = completedSnapshot.exec(key);
    if (!match) continue;
    const checkpointId = Number(match[1] ?? match[2]);
    if (!best || checkpointId > best.checkpointId) best = { folder: key.slice(0, key.indexOf('/')), checkpointId };
  }
  return best;
}
