// Starts a job thread from TypeScript source: a worker_thread inherits neither tsx's loader
// nor `--import tsx` from execArgv on Node 20, so the thread registers tsx itself first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
