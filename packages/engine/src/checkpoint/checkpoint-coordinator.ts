import { randomUUID } from 'node:crypto';
import { EngineError } from '../errors';
import type { NamespaceSnapshotWriter, SnapshotEntry } from '../runtime/state-map';
import type { CheckpointConfig } from './checkpoint-config';
import type { CheckpointResult, OperatorStateSize } from './checkpoint-result';
import type { CheckpointStorage } from './checkpoint-storage';
import type { CheckpointingOptions } from './checkpointing-options';
import {
  checkpointFolder, decodeMetadata, encodeFrame, encodeMetadata, folderCheckpointId, METADATA_KEY, savepointFolder,
  type CheckpointMetadata, type CommittableSnapshot, type OperatorSnapshot, type SourcePositionSnapshot, type VertexSnapshot,
} from './snapshot-format';

/** How a cut snapshots state: everything, only what changed since the last checkpoint, or everything without touching the change record (savepoints). */
export type CutMode = 'full' | 'delta' | 'detached';

/** One operator subtask's part of a cut: the writers of its namespaces. */
export interface OperatorCut {
  uid: string;
  planId: string;
  name: string;
  kind: string;
  parallelism: number;
  subtask: number;
  writers: [namespace: string, writer: NamespaceSnapshotWriter][];
}

/** Everything a runner captured at a consistent cut; the state itself is written afterwards, in steps. */
export interface JobCut {
  operators: OperatorCut[];
  vertices: VertexSnapshot[];
  sources: SourcePositionSnapshot[];
  committables: CommittableSnapshot[];
}

/** What the coordinator needs from the runner it checkpoints. */
export interface SnapshotParticipant {
  /** Emits what operators buffer outside state and waits until nothing is in flight, so a cut can be taken. */
  prepareCut(): Promise<void>;
  /** Takes the cut synchronously: sink pre-commits, source positions, runner bookkeeping, and begins state snapshots. */
  cut(checkpointId: number, mode: CutMode): JobCut;
  /** Commits the sink handles of checkpoints up to `checkpointId`. */
  commit(checkpointId: number): Promise<void>;
  /** Checkpoint `checkpointId` is complete (whatever the mode): sources may acknowledge what it holds. */
  completed(checkpointId: number): Promise<void>;
}

/** Entries serialized into one frame. */
const FRAME_ENTRIES = 1024;

interface Piece {
  cut: OperatorCut;
  key: string;
  frames: Buffer[];
  bytes: number;
  nextWriter: number;
  /** Entries handed out by the current step, serialized into a frame before the step returns. */
  chunk: SnapshotEntry[];
  done: boolean;
}

interface InFlight {
  id: number;
  kind: 'CHECKPOINT' | 'SAVEPOINT';
  mode: CutMode;
  storage: CheckpointStorage;
  folder: string;
  triggeredAt: number;
  cut: JobCut;
  pieces: Piece[];
  puts: Promise<void>[];
  written: string[];
  finalizing?: Promise<void>;
  waiters: { resolve: (r: CheckpointResult) => void; reject: (e: unknown) => void }[];
}

interface Completed {
  id: number;
  folder: string;
  folders: string[];
}

/**
 * Schedules and writes a job's checkpoints and savepoints, one at a time. At a cut (between
 * batches, see SnapshotParticipant) the runner captures positions and begins copy-on-write state
 * snapshots; then, a step per runner loop turn, entries are serialized into frames and each
 * operator subtask's object is written while the job goes on processing. A checkpoint is
 * complete when its `_metadata` is written (after the fence check); only then do sinks commit.
 * Incremental checkpoints write only the keys changed since the previous one and keep per
 * operator subtask the chain of objects to apply; a full checkpoint cuts the chain when it grows
 * past `maxChainLength` or its deltas outweigh the full state.
 */
export class CheckpointCoordinator {
  private nextId = 1;
  private inFlight: InFlight | undefined;
  private lastEndedAt: number;
  private readonly requests: { kind: 'CHECKPOINT' | 'SAVEPOINT'; waiter: InFlight['waiters'][number] }[] = [];
  private chains = new Map<string, { objects: string[]; bytes: number }>();
  private chainLength = 0;
  private deltaBytesSinceFull = 0;
  private lastFullBytes = 0;
  private forceFull = true;
  private readonly completed: Completed[] = [];
  /** Set when the run must fail (fenced, or a failure the run cannot go on from). */
  fatal: unknown;
  private readonly token = randomUUID().slice(0, 8);

  constructor(
    private readonly config: CheckpointConfig,
    private readonly options: CheckpointingOptions,
    private readonly participant: SnapshotParticipant,
    private readonly stepEntries: number,
    nowMs: number,
  ) {
    this.lastEndedAt = nowMs;
  }

  /** Reads what earlier attempts left: completed checkpoints (kept for retention), incomplete ones (deleted), the next id. */
  async init(): Promise<void> {
    const folders = new Map<string, Set<string>>();
    const storages = [this.options.storage, ...(this.options.savepointStorage && this.options.savepointStorage !== this.options.storage ? [this.options.savepointStorage] : [])];
    let maxId = 0;
    for (const storage of storages) {
      for (const key of await storage.list('')) {
        const folder = key.split('/')[0];
        const id = folderCheckpointId(folder);
        if (id === undefined) continue;
        maxId = Math.max(maxId, id);
        if (storage !== this.options.storage || !folder.startsWith('chk-')) continue;
        let names = folders.get(folder);
        if (!names) folders.set(folder, (names = new Set()));
        names.add(key.slice(folder.length + 1));
      }
    }
    this.nextId = maxId + 1;
    const found: Completed[] = [];
    for (const [folder, names] of folders) {
      if (!names.has(METADATA_KEY)) {
        await this.options.storage.deletePrefix(folder);
        continue;
      }
      const metadata = decodeMetadata(await this.options.storage.get(`${folder}/${METADATA_KEY}`), `${this.options.storage.uri}/${folder}`);
      found.push({ id: metadata.checkpointId, folder, folders: metadata.folders });
    }
    this.completed.push(...found.sort((a, b) => a.id - b.id));
  }

  /** Takes a checkpoint as soon as the one in flight ends, whatever the interval. */
  triggerCheckpoint(): Promise<CheckpointResult> {
    return this.request('CHECKPOINT');
  }

  /** Takes a savepoint: a full, self-contained snapshot in the savepoint storage. */
  triggerSavepoint(): Promise<CheckpointResult> {
    return this.request('SAVEPOINT');
  }

  private request(kind: 'CHECKPOINT' | 'SAVEPOINT'): Promise<CheckpointResult> {
    return new Promise((resolve, reject) => this.requests.push({ kind, waiter: { resolve, reject } }));
  }

  /** Whether a checkpoint or savepoint is being written. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  /** One turn of the runner loop: starts a due checkpoint, or writes a step of the one in flight. */
  async onLoop(nowMs: number): Promise<void> {
    const flight = this.inFlight;
    if (flight) {
      if (flight.finalizing) return;
      if (nowMs - flight.triggeredAt > this.config.timeoutMs) {
        this.abort(flight, new EngineError(`checkpoint ${flight.id} expired after ${this.config.timeoutMs} ms (execution.checkpointing.timeout)`, { code: 'CHECKPOINT_TIMEOUT', domain: 'external' }));
        return;
      }
      this.step(flight, this.stepEntries);
      return;
    }
    const request = this.requests[0];
    const due = this.config.enabled && nowMs - this.lastEndedAt >= Math.max(this.config.intervalMs, this.config.minPauseMs);
    if (!request && !due) return;
    await this.start(request ? request.kind : 'CHECKPOINT', nowMs);
  }

  /** Writes a checkpoint or savepoint to the end before returning (the last one of a bounded job, or stop with savepoint). */
  async runToCompletion(kind: 'CHECKPOINT' | 'SAVEPOINT', nowMs: number): Promise<CheckpointResult> {
    await this.settle();
    const result = new Promise<CheckpointResult>((resolve, reject) => this.requests.unshift({ kind, waiter: { resolve, reject } }));
    await this.start(kind, nowMs);
    const flight = this.inFlight as InFlight;
    this.step(flight, Number.POSITIVE_INFINITY);
    await flight.finalizing;
    return result;
  }

  /** Waits for the checkpoint in flight, writing it to the end. */
  async settle(): Promise<void> {
    const flight = this.inFlight;
    if (!flight) return;
    if (!flight.finalizing) this.step(flight, Number.POSITIVE_INFINITY);
    await flight.finalizing;
  }

  /** Gives up the checkpoint in flight and rejects every request (the run is ending without them). */
  cancel(reason: unknown): void {
    if (this.inFlight) this.abort(this.inFlight, reason);
    for (const { waiter } of this.requests.splice(0)) waiter.reject(reason);
  }

  private async start(kind: 'CHECKPOINT' | 'SAVEPOINT', nowMs: number): Promise<void> {
    const waiters = this.requests.filter((r) => r.kind === kind).map((r) => r.waiter);
    this.requests.splice(0, this.requests.length, ...this.requests.filter((r) => r.kind !== kind));
    await this.participant.prepareCut();
    const id = this.nextId++;
    const mode: CutMode = kind === 'SAVEPOINT' ? 'detached' : this.deltaAllowed() ? 'delta' : 'full';
    const storage = kind === 'SAVEPOINT' ? this.options.savepointStorage ?? this.options.storage : this.options.storage;
    const folder = kind === 'SAVEPOINT' ? savepointFolder(id, nowMs) : checkpointFolder(id);
    const cut = this.participant.cut(id, mode);
    const pieces = cut.operators.map((op) => ({ cut: op, key: `${folder}/${this.token}-${op.uid}-${op.subtask}`, frames: [], bytes: 0, nextWriter: 0, chunk: [], done: false }));
    this.inFlight = { id, kind, mode, storage, folder, triggeredAt: Date.now(), cut, pieces, puts: [], written: [], waiters };
    if (kind === 'CHECKPOINT' && this.config.mode === 'AT_LEAST_ONCE') {
      // At-least-once sinks need not wait for completion: what the cut staged is published now.
      await this.participant.commit(id);
    }
  }

  private deltaAllowed(): boolean {
    return this.config.incremental && !this.forceFull && this.chainLength < this.config.maxChainLength && this.deltaBytesSinceFull < this.lastFullBytes;
  }

  private step(flight: InFlight, budget: number): void {
    let left = budget;
    for (const piece of flight.pieces) {
      if (piece.done) continue;
      while (left > 0 && piece.nextWriter < piece.cut.writers.length) {
        const [namespace, writer] = piece.cut.writers[piece.nextWriter];
        left -= writer.step(Math.min(left, FRAME_ENTRIES), (entry) => piece.chunk.push(entry));
        // Serialized before processing resumes: live values handed out may change right after.
        if (piece.chunk.length > 0) this.flushChunk(piece, namespace);
        if (writer.finished) piece.nextWriter++;
      }
      if (piece.nextWriter < piece.cut.writers.length) return;
      piece.done = true;
      const data = Buffer.concat(piece.frames);
      piece.frames = [];
      flight.written.push(piece.key);
      flight.puts.push(flight.storage.put(piece.key, data));
    }
    flight.finalizing = this.finalize(flight);
  }

  private flushChunk(piece: Piece, namespace: string): void {
    const frame = encodeFrame([namespace, piece.chunk]);
    piece.chunk = [];
    piece.frames.push(frame);
    piece.bytes += frame.length;
  }

  private async finalize(flight: InFlight): Promise<void> {
    try {
      await Promise.all(flight.puts);
      const chains = new Map(this.chains);
      if (flight.mode !== 'detached') {
        for (const piece of flight.pieces) {
          const chainKey = `${piece.cut.uid}/${piece.cut.subtask}`;
          const previous = flight.mode === 'delta' ? chains.get(chainKey) : undefined;
          chains.set(chainKey, { objects: [...(previous?.objects ?? []), piece.key], bytes: (previous?.bytes ?? 0) + piece.bytes });
        }
      }
      const operators = this.operatorSnapshots(flight, chains);
      const folders = [...new Set(operators.flatMap((op) => op.subtasks.flatMap((s) => s.objects.map((key) => key.split('/')[0]))).concat(flight.folder))].sort();
      const metadata: CheckpointMetadata = {
        format: 1, checkpointId: flight.id, kind: flight.kind, triggeredAt: flight.triggeredAt, completedAt: Date.now(), incremental: flight.mode === 'delta', folders,
        ...(this.options.jobVersion === undefined ? {} : { jobVersion: this.options.jobVersion }),
        operators, vertices: flight.cut.vertices, sources: flight.cut.sources, committables: flight.cut.committables,
      };
      try {
        await this.options.fence?.();
      } catch (error) {
        this.fatal = error;
        throw error;
      }
      await flight.storage.put(`${flight.folder}/${METADATA_KEY}`, encodeMetadata(metadata), { ifAbsent: true });
      flight.written.push(`${flight.folder}/${METADATA_KEY}`);
      const fullSizeBytes = operators.reduce((sum, op) => sum + op.subtasks.reduce((s, sub) => s + sub.fullSizeBytes, 0), 0);
      const incrementalSizeBytes = flight.pieces.reduce((sum, piece) => sum + piece.bytes, 0);
      if (flight.mode !== 'detached') {
        this.chains = chains;
        if (flight.mode === 'full') {
          this.chainLength = 1;
          this.deltaBytesSinceFull = 0;
          this.lastFullBytes = incrementalSizeBytes;
        } else {
          this.chainLength++;
          this.deltaBytesSinceFull += incrementalSizeBytes;
        }
        this.forceFull = false;
      }
      if (flight.kind === 'SAVEPOINT' || this.config.mode === 'EXACTLY_ONCE') await this.participant.commit(flight.id);
      await this.participant.completed(flight.id);
      const result: CheckpointResult = {
        checkpointId: flight.id, kind: flight.kind, status: 'COMPLETED', incremental: flight.mode === 'delta', triggeredAt: flight.triggeredAt,
        completedAt: metadata.completedAt, durationMs: metadata.completedAt - flight.triggeredAt, fullSizeBytes, incrementalSizeBytes,
        operators: sizesOf(operators), location: `${flight.storage.uri}/${flight.folder}`,
      };
      this.options.onCheckpoint?.(result);
      if (flight.kind === 'CHECKPOINT') await this.retain({ id: flight.id, folder: flight.folder, folders });
      this.end(flight);
      for (const waiter of flight.waiters) waiter.resolve(result);
    } catch (error) {
      if (this.inFlight === flight) this.abort(flight, error);
    }
  }

  private operatorSnapshots(flight: InFlight, chains: Map<string, { objects: string[]; bytes: number }>): OperatorSnapshot[] {
    const byUid = new Map<string, OperatorSnapshot>();
    for (const piece of flight.pieces) {
      const { uid, planId, name, kind, parallelism, subtask } = piece.cut;
      let op = byUid.get(uid);
      if (!op) byUid.set(uid, (op = { uid, planId, name, kind, parallelism, subtasks: [] }));
      const chain = flight.mode === 'detached' ? { objects: [piece.key], bytes: piece.bytes } : (chains.get(`${uid}/${subtask}`) as { objects: string[]; bytes: number });
      op.subtasks.push({ subtask, objects: chain.objects, sizeBytes: piece.bytes, fullSizeBytes: chain.bytes });
    }
    return [...byUid.values()];
  }

  /** Keeps `numRetained` completed checkpoints and every folder their chains read; deletes the rest. */
  private async retain(done: Completed): Promise<void> {
    this.completed.push(done);
    const dropped: Completed[] = [];
    while (this.completed.length > this.config.numRetained) dropped.push(this.completed.shift() as Completed);
    const live = new Set(this.completed.flatMap((c) => c.folders));
    for (const old of dropped) {
      for (const folder of old.folders.concat(old.folder)) if (!live.has(folder)) await this.options.storage.deletePrefix(folder);
      this.options.onCheckpoint?.({ checkpointId: old.id, kind: 'CHECKPOINT', status: 'DISCARDED', incremental: false, triggeredAt: 0, operators: [], location: `${this.options.storage.uri}/${old.folder}` });
    }
  }

  private abort(flight: InFlight, reason: unknown): void {
    for (const piece of flight.pieces) for (const [, writer] of piece.cut.writers) writer.abort();
    this.end(flight);
    // The change record of the aborted delta is gone with its writers: the next checkpoint starts a new chain.
    if (flight.mode !== 'detached') this.forceFull = true;
    const message = reason instanceof Error ? reason.message : String(reason);
    const result: CheckpointResult = { checkpointId: flight.id, kind: flight.kind, status: 'FAILED', incremental: flight.mode === 'delta', triggeredAt: flight.triggeredAt, operators: [], error: message };
    // Only what this attempt wrote is removed: a newer attempt may be writing the same folder.
    void Promise.allSettled(flight.puts)
      .then(() => Promise.allSettled(flight.written.map((key) => flight.storage.deletePrefix(key))))
      .then(async () => {
        if ((await flight.storage.list(flight.folder)).length === 0) await flight.storage.deletePrefix(flight.folder);
      })
      // What a failed cleanup leaves is an incomplete folder, which the next run's init deletes.
      .catch(() => undefined);
    this.options.onCheckpoint?.(result);
    for (const waiter of flight.waiters) waiter.reject(reason instanceof Error ? reason : new EngineError(message, { code: 'CHECKPOINT_FAILED', domain: 'internal' }));
  }

  private end(flight: InFlight): void {
    if (this.inFlight === flight) this.inFlight = undefined;
    this.lastEndedAt = Date.now();
  }
}

function sizesOf(operators: OperatorSnapshot[]): OperatorStateSize[] {
  return operators.map((op) => ({
    operatorId: op.uid, name: op.name,
    sizeBytes: op.subtasks.reduce((sum, s) => sum + s.sizeBytes, 0),
    fullSizeBytes: op.subtasks.reduce((sum, s) => sum + s.fullSizeBytes, 0),
  }));
}
