import { deserialize, serialize } from 'node:v8';
import type { SnapshotEntry } from '../runtime/state-map';
import type { WatermarkValveState } from '../runtime/watermark-valve';
import { storageError } from './checkpoint-storage';

/** Name of the object whose presence makes a checkpoint folder complete. */
export const METADATA_KEY = '_metadata';

/** The state of one operator subtask in a checkpoint: the objects to apply in order (a full base, then deltas). */
export interface SubtaskStateRef {
  subtask: number;
  objects: string[];
  /** Bytes this checkpoint wrote for the subtask, and the bytes of its whole chain. */
  sizeBytes: number;
  fullSizeBytes: number;
}

export interface OperatorSnapshot {
  uid: string;
  /** The operator's id in the plan that wrote it: namespace names carry it. */
  planId: string;
  name: string;
  kind: string;
  parallelism: number;
  subtasks: SubtaskStateRef[];
}

/** The runner's own bookkeeping of one subtask, outside any operator. */
export interface SubtaskRuntime {
  pendingWatermark: number;
  sourceWatermark: number;
  idle: boolean;
  finished: boolean;
  openInputs: number;
  valve: WatermarkValveState;
}

export interface VertexSnapshot {
  /** The uid of the vertex's first operator. */
  uid: string;
  parallelism: number;
  subtasks: SubtaskRuntime[];
}

export interface SourcePositionSnapshot {
  uid: string;
  subtask: number;
  position: unknown;
}

export interface CommittableSnapshot {
  uid: string;
  subtask: number;
  checkpointId: number;
  committable: unknown;
}

/** The `_metadata` object of a checkpoint or savepoint folder; written last, so its presence means complete. */
export interface CheckpointMetadata {
  format: 1;
  checkpointId: number;
  kind: 'CHECKPOINT' | 'SAVEPOINT';
  triggeredAt: number;
  completedAt: number;
  incremental: boolean;
  /** Folders (relative to the storage root) whose objects this checkpoint reads, itself included. */
  folders: string[];
  jobVersion?: number;
  operators: OperatorSnapshot[];
  vertices: VertexSnapshot[];
  sources: SourcePositionSnapshot[];
  /** Sink handles staged by this checkpoint and earlier ones but not yet known committed. */
  committables: CommittableSnapshot[];
}

/** Encodes the metadata (v8 serialization keeps -Infinity watermarks and undefined positions exact). */
export function encodeMetadata(metadata: CheckpointMetadata): Uint8Array {
  return serialize(metadata);
}

export function decodeMetadata(data: Uint8Array, where: string): CheckpointMetadata {
  let value: unknown;
  try {
    value = deserialize(data);
  } catch (error) {
    throw storageError('STORAGE_FAILED', `checkpoint metadata ${where} is unreadable: ${(error as Error).message}`, error);
  }
  if (typeof value !== 'object' || value === null || (value as CheckpointMetadata).format !== 1) {
    throw storageError('STORAGE_FAILED', `checkpoint metadata ${where} is not a Weir checkpoint (format 1)`);
  }
  return value as CheckpointMetadata;
}

/** One frame of a state object: entries of one namespace. */
export type StateFrame = [namespace: string, entries: SnapshotEntry[]];

/** Serializes a frame as `[u32 length][v8 bytes]`; a state object is frames back to back. */
export function encodeFrame(frame: StateFrame): Buffer {
  const body = serialize(frame);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** The frames of a state object, in order. */
export function* decodeFrames(data: Uint8Array, where: string): Generator<StateFrame> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  while (offset < buffer.length) {
    if (offset + 4 > buffer.length) throw storageError('STORAGE_FAILED', `checkpoint state object ${where} is truncated`);
    const length = buffer.readUInt32BE(offset);
    const end = offset + 4 + length;
    if (end > buffer.length) throw storageError('STORAGE_FAILED', `checkpoint state object ${where} is truncated`);
    yield deserialize(buffer.subarray(offset + 4, end)) as StateFrame;
    offset = end;
  }
}

/** A checkpoint folder's name, `chk-<id>`, and a savepoint's, `sp-<id>-<ms>`. */
export function checkpointFolder(id: number): string {
  return `chk-${id}`;
}

export function savepointFolder(id: number, atMs: number): string {
  return `sp-${id}-${atMs}`;
}

/** The checkpoint id a folder name carries, or undefined for other names. */
export function folderCheckpointId(folder: string): number | undefined {
  const match = /^(?:chk-(\d+)|sp-(\d+)-\d+)$/.exec(folder);
  return match ? Number(match[1] ?? match[2]) : undefined;
}
