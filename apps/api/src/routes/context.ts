import type { DeploymentHistory } from '../services/deployment-history';
import type { DeploymentService } from '../services/deployment-service';
import type { JobService } from '../services/job-service';
import type { MetricHub } from '../metrics/metric-hub';
import type { MetricStore } from '../metrics/metric-store';
import type { SavepointService } from '../services/savepoint-service';

/** What route handlers need; built once by the app. */
export interface RouteContext {
  workspaceId: string;
  jobs: JobService;
  deployments: DeploymentService;
  savepoints: SavepointService;
  history: DeploymentHistory;
  metrics: MetricStore;
  hub: MetricHub;
  version: string;
}
