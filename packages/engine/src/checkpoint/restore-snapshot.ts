import { EngineError } from '../errors';
import type { PhysicalPlanJson } from '../plan/physical-plan';
import type { CheckpointStorage } from './checkpoint-storage';
import type { RestoredFrom } from './checkpoint-result';
import type { RestoreRequest } from './checkpointing-options';
import { decodeFrames, decodeMetadata, METADATA_KEY, type CheckpointMetadata, type StateFrame } from './snapshot-format';

/** A snapshot read back and matched to a plan, ready for a runner to load before it starts. */
export interface RestoredJobState {
  from: RestoredFrom;
  metadata: CheckpointMetadata;
  /** Frames to load per `uid/subtask`, base first, with the plan id the namespace names carry. */
  state: Map<string, { planId: string; frames: StateFrame[] }>;
}

/** The key of an operator subtask in restored state. */
export function subtaskKey(uid: string, subtask: number): string {
  return `${uid}/${subtask}`;
}

/** Reads a checkpoint or savepoint and checks that `plan` can take its state; STATE_INCOMPATIBLE names the operators that cannot. */
export async function loadSnapshot(request: RestoreRequest, plan: PhysicalPlanJson, uids: Map<string, string>): Promise<RestoredJobState> {
  const { storage, path } = request;
  const where = `${storage.uri}/${path}`;
  const metadata = decodeMetadata(await storage.get(`${path}/${METADATA_KEY}`), where);
  checkCompatibility(metadata, plan, uids, request.allowNonRestoredState ?? false);
  const wanted = new Set(uids.values());
  const state = new Map<string, { planId: string; frames: StateFrame[] }>();
  for (const op of metadata.operators) {
    if (!wanted.has(op.uid)) continue;
    for (const sub of op.subtasks) {
      const frames: StateFrame[] = [];
      for (const key of sub.objects) for (const frame of decodeFrames(await storage.get(key), `${storage.uri}/${key}`)) frames.push(frame);
      state.set(subtaskKey(op.uid, sub.subtask), { planId: op.planId, frames });
    }
  }
  return { from: { checkpointId: metadata.checkpointId, kind: metadata.kind, location: where }, metadata, state };
}

/**
 * Refuses a restore that would silently drop or misplace state: every operator of the snapshot
 * holding state, a source position or staged sink output must exist in the new plan (unless
 * `allowNonRestoredState`), with the same parallelism when it holds keyed state.
 */
export function checkCompatibility(metadata: CheckpointMetadata, plan: PhysicalPlanJson, uids: Map<string, string>, allowNonRestoredState: boolean): void {
  const parallelismByUid = new Map<string, number>();
  for (const vertex of plan.vertices) for (const op of vertex.operators) parallelismByUid.set(uids.get(op.id) as string, vertex.parallelism);
  const carrying = new Set<string>([...metadata.sources.map((s) => s.uid), ...metadata.committables.map((c) => c.uid)]);
  const missing: string[] = [];
  const rescaled: string[] = [];
  for (const op of metadata.operators) {
    const hasState = op.subtasks.some((s) => s.fullSizeBytes > 0);
    if (!hasState && !carrying.has(op.uid)) continue;
    const parallelism = parallelismByUid.get(op.uid);
    if (parallelism === undefined) missing.push(`${op.name} (uid ${op.uid})`);
    else if (hasState && parallelism !== op.parallelism) rescaled.push(`${op.name} (uid ${op.uid}): ${op.parallelism} → ${parallelism}`);
  }
  if (rescaled.length > 0) {
    throw new EngineError(`cannot restore ${metadata.kind.toLowerCase()} ${metadata.checkpointId}: keyed state cannot be rescaled yet; keep the parallelism of ${rescaled.join(', ')}`, {
      code: 'STATE_INCOMPATIBLE', domain: 'user', details: { rescaled },
    });
  }
  if (missing.length > 0 && !allowNonRestoredState) {
    throw new EngineError(
      `cannot restore ${metadata.kind.toLowerCase()} ${metadata.checkpointId}: the job no longer has the operators whose state it holds: ${missing.join(', ')}; ` +
        'deploy with allowNonRestoredState to drop that state',
      { code: 'STATE_INCOMPATIBLE', domain: 'user', details: { operators: missing } },
    );
  }
}

/** The folder of the newest completed checkpoint in `storage` (`chk-<n>`), or null when there is none. */
export async function findLatestCheckpoint(storage: CheckpointStorage): Promise<string | null> {
  let best: number | undefined;
  for (const key of await storage.list('')) {
    const match = /^chk-(\d+)\/_metadata$/.exec(key);
    if (match && (best === undefined || Number(match[1]) > best)) best = Number(match[1]);
  }
  return best === undefined ? null : `chk-${best}`;
}
