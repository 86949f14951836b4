import {
  SqlReference,
  AddMemberResponse,
  ApiTokenList,
  AuditList,
  CreatedToken,
  CreatedPoolJoinToken,
  PoolJoinTokenList,
  WorkspacePool,
  type PoolMode,
  LoginResponse,
  Me,
  RotateSecretsResponse,
  SecretList,
  SecretSummary,
  Member,
  MemberList,
  WorkspaceList,
  WorkspaceSummary,
  type AddMemberRequest,
  type AuditQuery,
  type ChangePasswordRequest,
  type CreateTokenRequest,
  type CreateWorkspaceRequest,
  type LoginRequest,
  type Role,
  Checkpoint,
  CheckpointList,
  Deployment,
  FailoverList,
  Job,
  JobList,
  JobSavepointList,
  JobVersionList,
  VersionDiff,
  type RollbackRequest,
  MetricSampleList,
  ValidateResponse,
  FormatResponse,
  type CreateJobRequest,
  type DeployRequest,
  type StopRequest,
  type UpdateJobRequest,
  type UserFunctionSource,
  CatalogFunction,
  CatalogFunctionList,
  type CatalogFunctionRequest,
  CatalogTable,
  CatalogTableList,
  CatalogTableSaved,
  Connection,
  ConnectionList,
  ConnectionObjects,
  ConnectionTestResult,
  Lineage,
  ExplainResponse,
  type ExplainRequest,
  SampleResponse,
  PreviewResponse,
  type PreviewRequest,
  type CatalogTableRequest,
  type CreateConnectionRequest,
  type SampleRequest,
  type UpdateConnectionRequest,
} from '@weir/contracts';
import { sessionHeaders, signInUrl } from '../auth/browser-session';
import { ApiRequestError } from './api-request-error';

/** Same-origin: Next proxies /api/v1 to the API, so there is no CORS and no URL to configure. */
const BASE = '/api/v1';

/** Any contracts schema: the response is parsed, so drift between API and console fails here. */
type Schema<T> = { parse(input: unknown): T };
/** A 204 answer. */
const Empty: Schema<null> = { parse: () => null };

/** Paths whose 401 is an answer to show (a wrong password, no session yet), not a reason to go to the sign-in page. */
const ANSWERS_401 = new Set(['/auth/login', '/me']);

export async function request<T>(
  schema: Schema<T>,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers: { ...sessionHeaders(method), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, { message: 'The API cannot be reached', code: 'UNAVAILABLE', details: String(error) });
  }
  if (response.status === 401 && !ANSWERS_401.has(path.split('?')[0] ?? path) && typeof window !== 'undefined') {
    window.location.assign(signInUrl(`${window.location.pathname}${window.location.search}`));
  }
  if (!response.ok) throw await ApiRequestError.fromResponse(response);
  return schema.parse(response.status === 204 ? null : await response.json());
}

function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const apiClient = {
  login: (body: LoginRequest) => request(LoginResponse, 'POST', '/auth/login', body),
  logout: () => request(Empty, 'POST', '/auth/logout'),
  /** Who is signed in and in which workspaces; 401 when nobody is. */
  me: (signal?: AbortSignal) => request(Me, 'GET', '/me', undefined, signal),
  changePassword: (body: ChangePasswordRequest) => request(Empty, 'POST', '/me/password', body),
  listWorkspaces: (signal?: AbortSignal) => request(WorkspaceList, 'GET', '/workspaces', undefined, signal),
  createWorkspace: (body: CreateWorkspaceRequest) => request(WorkspaceSummary, 'POST', '/workspaces', body),
  listMembers: (workspaceId: string, signal?: AbortSignal) => request(MemberList, 'GET', `/workspaces/${id(workspaceId)}/members`, undefined, signal),
  addMember: (workspaceId: string, body: AddMemberRequest) => request(AddMemberResponse, 'POST', `/workspaces/${id(workspaceId)}/members`, body),
  updateMember: (workspaceId: string, userId: string, role: Role) =>
    request(Member, 'PUT', `/workspaces/${id(workspaceId)}/members/${id(userId)}`, { role }),
  removeMember: (workspaceId: string, userId: string) => request(Empty, 'DELETE', `/workspaces/${id(workspaceId)}/members/${id(userId)}`),
  listTokens: (signal?: AbortSignal) => request(ApiTokenList, 'GET', '/tokens', undefined, signal),
  createToken: (body: CreateTokenRequest) => request(CreatedToken, 'POST', '/tokens', body),
  revokeToken: (tokenId: string) => request(Empty, 'DELETE', `/tokens/${id(tokenId)}`),
  getPool: (workspaceId: string, signal?: AbortSignal) => request(WorkspacePool, 'GET', `/workspaces/${id(workspaceId)}/pool`, undefined, signal),
  setPoolMode: (workspaceId: string, mode: PoolMode) => request(WorkspacePool, 'PUT', `/workspaces/${id(workspaceId)}/pool`, { mode }),
  listJoinTokens: (workspaceId: string, signal?: AbortSignal) =>
    request(PoolJoinTokenList, 'GET', `/workspaces/${id(workspaceId)}/pool/join-tokens`, undefined, signal),
  createJoinToken: (workspaceId: string, name: string) => request(CreatedPoolJoinToken, 'POST', `/workspaces/${id(workspaceId)}/pool/join-tokens`, { name }),
  revokeJoinToken: (workspaceId: string, tokenId: string) => request(Empty, 'DELETE', `/workspaces/${id(workspaceId)}/pool/join-tokens/${id(tokenId)}`),
  listSecrets: (signal?: AbortSignal) => request(SecretList, 'GET', '/secrets', undefined, signal),
  /** Creates or replaces a secret; the value is never read back. */
  putSecret: (name: string, value: string) => request(SecretSummary, 'PUT', `/secrets/${id(name)}`, { value }),
  deleteSecret: (name: string) => request(Empty, 'DELETE', `/secrets/${id(name)}`),
  rotateSecrets: () => request(RotateSecretsResponse, 'POST', '/secrets/rotate'),
  listAudit: (query: Partial<AuditQuery>, signal?: AbortSignal) =>
    request(AuditList, 'GET', `/audit${queryString(query)}`, undefined, signal),
  listConnections: (signal?: AbortSignal) => request(ConnectionList, 'GET', '/connections', undefined, signal),
  getConnection: (connectionId: string, signal?: AbortSignal) => request(Connection, 'GET', `/connections/${id(connectionId)}`, undefined, signal),
  createConnection: (body: CreateConnectionRequest) => request(Connection, 'POST', '/connections', body),
  updateConnection: (connectionId: string, body: UpdateConnectionRequest) => request(Connection, 'PUT', `/connections/${id(connectionId)}`, body),
  deleteConnection: (connectionId: string) => request(Empty, 'DELETE', `/connections/${id(connectionId)}`),
  testConnection: (connectionId: string) => request(ConnectionTestResult, 'POST', `/connections/${id(connectionId)}/test`),
  connectionObjects: (connectionId: string, signal?: AbortSignal) => request(ConnectionObjects, 'GET', `/connections/${id(connectionId)}/objects`, undefined, signal),
  sampleConnection: (connectionId: string, body: SampleRequest & { connector?: string }) => request(SampleResponse, 'POST', `/connections/${id(connectionId)}/sample`, body),
  previewTable: (connectionId: string, body: PreviewRequest) => request(PreviewResponse, 'POST', `/connections/${id(connectionId)}/preview`, body),
  listTables: (signal?: AbortSignal) => request(CatalogTableList, 'GET', '/catalog/tables', undefined, signal),
  getSqlReference: (signal?: AbortSignal) => request(SqlReference, 'GET', '/sql/reference', undefined, signal),
  getTable: (tableId: string, signal?: AbortSignal) => request(CatalogTable, 'GET', `/catalog/tables/${id(tableId)}`, undefined, signal),
  createTable: (body: CatalogTableRequest) => request(CatalogTableSaved, 'POST', '/catalog/tables', body),
  updateTable: (tableId: string, body: CatalogTableRequest) => request(CatalogTableSaved, 'PUT', `/catalog/tables/${id(tableId)}`, body),
  deleteTable: (tableId: string, force = false) => request(Empty, 'DELETE', `/catalog/tables/${id(tableId)}?force=${force}`),
  listFunctions: (signal?: AbortSignal) => request(CatalogFunctionList, 'GET', '/catalog/functions', undefined, signal),
  createFunction: (body: Partial<CatalogFunctionRequest> & Pick<CatalogFunctionRequest, 'name' | 'source' | 'resultType'>) => request(CatalogFunction, 'POST', '/catalog/functions', body),
  deleteFunction: (functionId: string) => request(Empty, 'DELETE', `/catalog/functions/${id(functionId)}`),
  lineage: (signal?: AbortSignal) => request(Lineage, 'GET', '/lineage', undefined, signal),
  listJobs: (signal?: AbortSignal) => request(JobList, 'GET', '/jobs', undefined, signal),
  getJob: (jobId: string, signal?: AbortSignal) => request(Job, 'GET', `/jobs/${id(jobId)}`, undefined, signal),
  createJob: (body: Omit<CreateJobRequest, 'message'> & { message?: string }) => request(Job, 'POST', '/jobs', body),
  updateJob: (jobId: string, body: Omit<UpdateJobRequest, 'message'> & { message?: string }) => request(Job, 'PUT', `/jobs/${id(jobId)}`, body),
  /** Every saved version, newest first. */
  listJobVersions: (jobId: string, signal?: AbortSignal) => request(JobVersionList, 'GET', `/jobs/${id(jobId)}/versions`, undefined, signal),
  diffJobVersions: (jobId: string, a: number, b: number, signal?: AbortSignal) => request(VersionDiff, 'GET', `/jobs/${id(jobId)}/versions/${a}/diff/${b}`, undefined, signal),
  /** Saves a new version with the SQL and functions of `body.version`; answers the job with it as latest. */
  rollbackJob: (jobId: string, body: RollbackRequest) => request(Job, 'POST', `/jobs/${id(jobId)}/rollback`, body),
  /** Validates SQL in the context of a saved job, or on its own when the job is not saved yet. */
  validateSql: (jobId: string | null, sql: string, functions: UserFunctionSource[], signal?: AbortSignal) =>
    request(ValidateResponse, 'POST', jobId ? `/jobs/${id(jobId)}/validate` : '/validate', { sql, functions }, signal),
  /** The script formatted by the engine's formatter: every token and comment kept. */
  formatSql: (sql: string, signal?: AbortSignal) => request(FormatResponse, 'POST', '/format', { sql }, signal),
  /** The plan the SQL would run, as a graph and as text; SQL_INVALID with diagnostics when it does not compile. */
  explain: (body: ExplainRequest, signal?: AbortSignal) => request(ExplainResponse, 'POST', '/explain', body, signal),
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
