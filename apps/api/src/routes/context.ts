import type { Authenticator } from '../auth/authenticator';
import type { SessionService } from '../auth/session-service';
import type { WorkspaceResolver } from '../auth/workspace-resolver';
import type { MetricHub } from '../metrics/metric-hub';
import type { MetricStore } from '../metrics/metric-store';
import type { AuditLog } from '../services/audit-log';
import type { DeploymentHistory } from '../services/deployment-history';
import type { DeploymentService } from '../services/deployment-service';
import type { JobService } from '../services/job-service';
import type { PoolService } from '../services/pool-service';
import type { SavepointService } from '../services/savepoint-service';
import type { CatalogService } from '../services/catalog-service';
import type { ConnectionService } from '../services/connection-service';
import type { LineageService } from '../services/lineage-service';
import type { DebugService } from '../services/debug-service';
import type { SecretService } from '../services/secret-service';
import type { TokenService } from '../services/token-service';
import type { WorkspaceService } from '../services/workspace-service';

/** What route handlers need; built once by the app. */
export interface RouteContext {
  jobs: JobService;
  deployments: DeploymentService;
  savepoints: SavepointService;
  history: DeploymentHistory;
  metrics: MetricStore;
  hub: MetricHub;
  authenticator: Authenticator;
  resolver: WorkspaceResolver;
  sessions: SessionService;
  workspaces: WorkspaceService;
  tokens: TokenService;
  audit: AuditLog;
  secrets: SecretService;
  connections: ConnectionService;
  catalog: CatalogService;
  lineage: LineageService;
  debug: DebugService;
  pools: PoolService;
  /** `secure` marks cookies HTTPS-only (set it behind TLS). */
  cookies: { secure: boolean };
  version: string;
}
