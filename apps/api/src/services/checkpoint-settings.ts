import { EngineError, resolveCheckpointConfig, type CheckpointConfig, type CompiledJob } from '@weir/engine';
import { WeirError, type CheckpointSettings, type CheckpointingConfig } from '@weir/contracts';

/**
 * The checkpointing a deployment runs with: its config's choices over the SQL's SET
 * (`execution.checkpointing.*`) over the engine's defaults. Resolved once at deploy, so every
 * attempt of the deployment checkpoints alike and the API can show it.
 */
export function checkpointSettingsFor(job: CompiledJob, choices: CheckpointingConfig): CheckpointSettings {
  const { intervalMs, ...rest } = choices;
  const overrides: Partial<CheckpointConfig> = { ...rest };
  if (intervalMs === 0) overrides.enabled = false;
  else if (intervalMs !== undefined) Object.assign(overrides, { enabled: true, intervalMs });
  try {
    return resolveCheckpointConfig(job.plan.config, overrides);
  } catch (error) {
    if (error instanceof EngineError && error.domain === 'user') {
      throw new WeirError('SQL_INVALID', error.message, { details: error.details, cause: error });
    }
    throw error;
  }
}
