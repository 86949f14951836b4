import { DebugRun, DebugRunComparison, DebugRunCreated, DebugRunList, DebugTables, Fixture, FixtureList, type CreateFixtureRequest, type DebugRunRequest } from '@weir/contracts';
import { request } from '../api/api-client';

const id = (value: string) => encodeURIComponent(value);

/** The API of debug runs and fixtures, as the debug panel calls it. */
export const debugApi = {
  tables: (jobId: string, sql: string, signal?: AbortSignal) => request(DebugTables, 'POST', `/jobs/${id(jobId)}/debug/tables`, { sql }, signal),
  start: (jobId: string, body: DebugRunRequest) => request(DebugRunCreated, 'POST', `/jobs/${id(jobId)}/debug`, body),
  get: (runId: string, signal?: AbortSignal) => request(DebugRun, 'GET', `/debug-runs/${id(runId)}`, undefined, signal),
  stop: (runId: string) => request(DebugRun, 'POST', `/debug-runs/${id(runId)}/stop`),
  list: (jobId: string, signal?: AbortSignal) => request(DebugRunList, 'GET', `/jobs/${id(jobId)}/debug-runs`, undefined, signal),
  compare: (a: string, b: string) => request(DebugRunComparison, 'GET', `/debug-runs/${id(a)}/compare?with=${id(b)}`),
  fixtures: (jobId: string, signal?: AbortSignal) => request(FixtureList, 'GET', `/jobs/${id(jobId)}/fixtures`, undefined, signal),
  saveFixture: (jobId: string, body: CreateFixtureRequest) => request(Fixture, 'POST', `/jobs/${id(jobId)}/fixtures`, body),
  eventsUrl: (runId: string) => `/api/v1/debug-runs/${id(runId)}/events`,
};
