import { CheckpointSettings, DeploymentConfig, SnapshotRef, StopRequest } from '@weir/contracts';
import type { Deployment } from '@weir/db';

/** The JSON columns of a stored deployment, read back through their contracts. */
export function storedDeployment(d: Pick<Deployment, 'config' | 'checkpointing' | 'restoredFrom' | 'stopRequest'>) {
  return {
    config: DeploymentConfig.parse(d.config),
    checkpointing: CheckpointSettings.parse(d.checkpointing),
    restoredFrom: d.restoredFrom === null ? undefined : SnapshotRef.parse(d.restoredFrom),
    stopRequest: StopRequest.parse(d.stopRequest ?? {}),
  };
}
