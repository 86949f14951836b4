import {
  Checkpoint,
  CheckpointList,
  Deployment,
  FailoverList,
  Job,
  JobList,
  JobSavepointList,
  MetricSampleList,
  ValidateResponse,
  type CreateJobRequest,
  type DeployRequest,
  type StopRequest,
  type UpdateJobRequest,
} from '@weir/contracts';
import { ApiRequestError } from './api-request-error';

/** Same-origin: Next proxies /api/v1 to the API, so there is no CORS and no URL to configure. */
const BASE = '/api/v1';

/** Any contracts schema: the response is parsed, so drift between API and console fails here. */
type Schema<T> = { parse(input: unknown): T };

async function request<T>(
  schema: Schema<T>,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, { message: 'The API cannot be reached', code: 'UNAVAILABLE', details: String(error) });
  }
  if (!response.ok) throw await ApiRequestError.fromResponse(response);
  return schema.parse(await response.json());
}

const id = (value: string) => encodeURIComponent(value);

export const apiClient = {
  listJobs: (signal?: AbortSignal) => request(JobList, 'GET', '/jobs', undefined, signal),
  getJob: (jobId: string, signal?: AbortSignal) => request(Job, 'GET', `/jobs/${id(jobId)}`, undefined, signal),
  createJob: (body: CreateJobRequest) => request(Job, 'POST', '/jobs', body),
  updateJob: (jobId: string, body: UpdateJobRequest) => request(Job, 'PUT', `/jobs/${id(jobId)}`, body),
  /** Validates SQL in the context of a saved job, or on its own when the job is not saved yet. */
  validateSql: (jobId: string | null, sql: string, signal?: AbortSignal) =>
    request(ValidateResponse, 'POST', jobId ? `/jobs/${id(jobId)}/validate` : '/validate', { sql }, signal),
  deployJob: (jobId: string, body: Partial<DeployRequest>) => request(Deployment, 'POST', `/jobs/${id(jobId)}/deploy`, body),
  getDeployment: (deploymentId: string, signal?: AbortSignal) =>
    request(Deployment, 'GET', `/deployments/${id(deploymentId)}`, undefined, signal),
  /** The savepoints of the job's deployments, newest first: the deploy dialog's restore choices. */
  listJobSavepoints: (jobId: string, signal?: AbortSignal) => request(JobSavepointList, 'GET', `/jobs/${id(jobId)}/savepoints`, undefined, signal),
  /** `{}` is a plain stop; `savepoint` takes one first, `drain` ends the sources first. */
  stopDeployment: (deploymentId: string, body: Partial<StopRequest> = {}) => request(Deployment, 'POST', `/deployments/${id(deploymentId)}/stop`, body),
  suspendDeployment: (deploymentId: string) => request(Deployment, 'POST', `/deployments/${id(deploymentId)}/suspend`),
  resumeDeployment: (deploymentId: string) => request(Deployment, 'POST', `/deployments/${id(deploymentId)}/resume`),
  /** Answers once the savepoint is written (or with TIMEOUT / UNAVAILABLE). */
  triggerSavepoint: (deploymentId: string) => request(Checkpoint, 'POST', `/deployments/${id(deploymentId)}/savepoints`),
  listCheckpoints: (deploymentId: string, signal?: AbortSignal) =>
    request(CheckpointList, 'GET', `/deployments/${id(deploymentId)}/checkpoints`, undefined, signal),
  listFailovers: (deploymentId: string, signal?: AbortSignal) =>
    request(FailoverList, 'GET', `/deployments/${id(deploymentId)}/failovers`, undefined, signal),
  listMetrics: (deploymentId: string, signal?: AbortSignal) =>
    request(MetricSampleList, 'GET', `/deployments/${id(deploymentId)}/metrics`, undefined, signal),
  metricsStreamUrl: (deploymentId: string) => `${BASE}/deployments/${id(deploymentId)}/metrics/stream`,
};
