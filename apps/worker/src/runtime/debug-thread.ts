import { parentPort } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import { catalogOfTables, DebugRun, type DebugSourceInput } from '@weir/engine';
import { allConnectors } from '@weir/connectors';
import { serializeError } from './job-thread-protocol';
import { UdfSandbox } from './udf-sandbox';
import type { DebugHostMessage, DebugThreadMessage } from './debug-thread-protocol';

/*
 * Entry of the worker_thread that runs one debug run: user SQL, user functions and up to millions
 * of input rows live here, behind the thread's heap limit, away from the worker's heartbeats.
 */

if (!parentPort) throw new Error('debug-thread.ts runs only as a worker_thread');
const port = parentPort;
const post = (message: DebugThreadMessage) => port.postMessage(message);
let current: DebugRun | undefined;
let stopAsked = false;

port.on('message', (message: DebugHostMessage) => {
  if (message.type === 'stop') {
    stopAsked = true;
    current?.stop();
    return;
  }
  run(message)
    .catch((error: unknown) => post({ type: 'failed', error: serializeError(error) }))
    .finally(() => port.close());
});

async function run({ payload, inputs, udfLimits, progressMs }: Extract<DebugHostMessage, { type: 'start' }>): Promise<void> {
  const sandbox = await UdfSandbox.open(payload.functions, udfLimits);
  try {
    const engineInputs: Record<string, DebugSourceInput> = {};
    for (const [table, input] of Object.entries(inputs)) {
      engineInputs[table] = input.kind === 'rows' ? { kind: 'rows', rows: JSON.parse(gunzipSync(input.gz).toString('utf8')) as Record<string, unknown>[] } : input;
    }
    const debug = new DebugRun(payload.sql, {
      compile: { catalog: catalogOfTables(payload.catalogTables), catalogFunctions: payload.catalogFunctions, ...(sandbox ? { functions: sandbox.functions } : {}) },
      connectors: allConnectors(),
      inputs: engineInputs,
      limits: payload.limits,
    });
    current = debug;
    if (stopAsked) debug.stop();
    const ticker = setInterval(() => post({ type: 'progress', progress: debug.progress(500) }), progressMs);
    try {
      const result = await debug.done;
      post({ type: 'progress', progress: debug.progress(500) });
      const read = gzipSync(JSON.stringify(debug.readInputs()));
      post({ type: 'done', result, read });
    } finally {
      clearInterval(ticker);
    }
  } finally {
    sandbox?.dispose();
  }
}
