import { parentPort } from 'node:worker_threads';
import { catalogOfTables, compileJob, startJob, type CheckpointStorage, type JobHandle, type RestoreRequest } from '@weir/engine';
import { allConnectors } from '@weir/connectors';
import { openCheckpointStorage } from '../checkpoint/open-checkpoint-storage';
import { newestSnapshot, splitLocation } from '../checkpoint/snapshot-location';
import { UdfSandbox } from './udf-sandbox';
import type { DeploymentRunPayload } from '@weir/contracts';
import { deserializeError, serializeError, type HostMessage, type HostRequest, type JobThreadData, type ThreadMessage } from './job-thread-protocol';

/*
 * Entry of the worker_thread that runs one attempt on the engine. Everything that can hurt the
 * worker (user SQL, unbounded state, a runaway expression) lives here, behind the thread's heap
 * limit; Redis, heartbeats and the queue lock stay on the worker's main thread.
 */

if (!parentPort) throw new Error('job-thread.ts runs only as a worker_thread');
const port = parentPort;
const post = (message: ThreadMessage) => port.postMessage(message);

let handle: JobHandle | undefined;
/** A stop that arrived before the engine started. */
let pendingStop: Extract<HostMessage, { type: 'stop' }> | undefined;
/** The stop in progress: `done` is posted after its reply, so the host has the savepoint by then. */
let stopping: Promise<unknown> | undefined;
let nextFenceId = 1;
const fenceWaiters = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

/** Asks the host whether this run was superseded; the host reads the deployment's epoch in Redis. */
function fence(): Promise<void> {
  const id = nextFenceId++;
  return new Promise((resolve, reject) => {
    fenceWaiters.set(id, { resolve, reject });
    post({ type: 'fence', id });
  });
}

port.on('message', (message: HostMessage) => {
  if (message.type === 'start') {
    // Once it has reported its end the thread closes its port and leaves on its own (see IsolatedJob).
    run(message)
      .then(
        (done) => post(done),
        (error: unknown) => post({ type: 'failed', error: serializeError(error) }),
      )
      .finally(() => port.close());
    return;
  }
  if (message.type === 'fence-answer') {
    const waiter = fenceWaiters.get(message.id);
    fenceWaiters.delete(message.id);
    if (message.error) waiter?.reject(deserializeError(message.error));
    else waiter?.resolve();
    return;
  }
  const { id } = message;
  if (!handle) {
    // Requests before the engine started: metrics are empty, a stop is remembered, a savepoint cannot be taken yet.
    if (message.type === 'metrics') post({ type: 'reply', id, ok: true, value: [] });
    else if (message.type === 'stop') pendingStop = message;
    else post({ type: 'reply', id, ok: false, error: { name: 'WeirError', code: 'NOT_STARTED', message: 'the run is still starting' } });
    return;
  }
  answer(handle, message);
});

function answer(job: JobHandle, message: HostRequest): void {
  const { id } = message;
  if (message.type === 'metrics') {
    post({ type: 'reply', id, ok: true, value: job.metrics() });
    return;
  }
  const work = message.type === 'stop' ? job.stop(message.options) : job.triggerSavepoint();
  const replied = work.then(
    (value) => post({ type: 'reply', id, ok: true, value }),
    (error: unknown) => post({ type: 'reply', id, ok: false, error: serializeError(error) }),
  );
  if (message.type === 'stop') stopping = replied;
}

/** What the payload says to restore, as the engine takes it; `latest` looks in the deployment's own storage first. */
async function restoreRequest(payload: DeploymentRunPayload, own: CheckpointStorage): Promise<RestoreRequest | undefined> {
  const spec = payload.restore;
  const allowNonRestoredState = payload.allowNonRestoredState;
  const at = (location: string): RestoreRequest => {
    const { rootUri, folder } = splitLocation(location);
    return { storage: openCheckpointStorage(rootUri), path: folder, allowNonRestoredState };
  };
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'snapshot':
      return at(spec.snapshot.location);
    case 'latest': {
      const newest = await newestSnapshot(own);
      if (newest) return { storage: own, path: newest.folder, allowNonRestoredState };
      return spec.fallback ? at(spec.fallback.location) : undefined;
    }
  }
}

async function run({ payload, storageUri, udfLimits }: JobThreadData): Promise<Extract<ThreadMessage, { type: 'done' }>> {
  const sandbox = await UdfSandbox.open(payload.functions, udfLimits);
  try {
    return await runJob(payload, storageUri, sandbox);
  } finally {
    sandbox?.dispose();
  }
}

async function runJob(payload: DeploymentRunPayload, storageUri: string, sandbox: UdfSandbox | undefined): Promise<Extract<ThreadMessage, { type: 'done' }>> {
  const connectors = allConnectors();
  const job = compileJob(payload.sql, { connectors, catalog: catalogOfTables(payload.catalogTables), catalogFunctions: payload.catalogFunctions, set: { 'parallelism.default': String(payload.parallelism) }, ...(sandbox ? { functions: sandbox.functions } : {}) });
  const storage = openCheckpointStorage(storageUri);
  const restore = await restoreRequest(payload, storage);
  const started = startJob(job, {
    connectors,
    checkpointing: {
      storage,
      config: payload.checkpointing,
      ...(restore ? { restore } : {}),
      fence,
      onCheckpoint: (checkpoint) => post({ type: 'checkpoint', checkpoint }),
      jobVersion: payload.jobVersion,
    },
    ...(payload.startOffset ? { startOffset: payload.startOffset } : {}),
  });
  handle = started;
  // `restored` and `done` reject together on a refused restore; `done` is awaited below.
  started.done.catch(() => undefined);
  if (pendingStop) answer(started, pendingStop);
  post({ type: 'restored', restored: await started.restored });
  const { outcome } = await started.done;
  await stopping;
  return { type: 'done', outcome, metrics: started.metrics() };
}
