-- Fault tolerance: a deployment's whole config as one JSON document, restart and suspend states,
-- run epochs (fencing) and restored checkpoints, checkpoint rows as the engine reports them, and
-- failover records with their cause. Written from `prisma migrate diff`, with the data of
-- existing rows carried over where Prisma would have dropped or refused it.

-- CreateEnum
CREATE TYPE "FailureCause" AS ENUM ('WORKER_LOST', 'EXCEPTION', 'OUT_OF_MEMORY', 'UNRESPONSIVE', 'CHECKPOINT_FAILURE', 'FENCED');

-- AlterEnum: a checkpoint row is written when the engine reports a result, so nothing is IN_PROGRESS.
CREATE TYPE "CheckpointStatus_new" AS ENUM ('COMPLETED', 'FAILED', 'DISCARDED');
ALTER TABLE "Checkpoint" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Checkpoint" ALTER COLUMN "status" TYPE "CheckpointStatus_new"
  USING (CASE WHEN "status"::text = 'IN_PROGRESS' THEN 'FAILED' ELSE "status"::text END)::"CheckpointStatus_new";
ALTER TYPE "CheckpointStatus" RENAME TO "CheckpointStatus_old";
ALTER TYPE "CheckpointStatus_new" RENAME TO "CheckpointStatus";
DROP TYPE "CheckpointStatus_old";

-- AlterEnum (the new values are not used below: PostgreSQL allows that only after this transaction)
ALTER TYPE "DeploymentState" ADD VALUE 'RESTARTING';
ALTER TYPE "DeploymentState" ADD VALUE 'SUSPENDING';
ALTER TYPE "DeploymentState" ADD VALUE 'SUSPENDED';
ALTER TYPE "DesiredState" ADD VALUE 'SUSPENDED';

-- Checkpoint
DROP INDEX "Checkpoint_deploymentId_checkpointId_key";
ALTER TABLE "Checkpoint" ADD COLUMN "fullSizeBytes" BIGINT,
ADD COLUMN     "incremental" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "incrementalSizeBytes" BIGINT,
ADD COLUMN     "operators" JSONB NOT NULL DEFAULT '[]',
ALTER COLUMN "triggeredAt" DROP DEFAULT;
UPDATE "Checkpoint" SET "fullSizeBytes" = "sizeBytes";
ALTER TABLE "Checkpoint" DROP COLUMN "sizeBytes";
CREATE UNIQUE INDEX "Checkpoint_deploymentId_kind_checkpointId_key" ON "Checkpoint"("deploymentId", "kind", "checkpointId");

-- Deployment: the old columns become the config document. A start offset of kind 'savepoint'
-- was a restore in disguise; the checkpoint interval keeps its value; the checkpointing in force
-- is the engine's defaults with that interval.
ALTER TABLE "Deployment" ADD COLUMN "checkpointing" JSONB,
ADD COLUMN     "config" JSONB,
ADD COLUMN     "failureCause" "FailureCause",
ADD COLUMN     "failureMessage" TEXT,
ADD COLUMN     "failuresSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "restoredFrom" JSONB,
ADD COLUMN     "stopRequest" JSONB;
UPDATE "Deployment" SET
  "config" = jsonb_build_object(
    'parallelism', "parallelism",
    'checkpointing', jsonb_build_object('intervalMs', "checkpointIntervalMs"),
    'restartStrategy', "restartStrategy",
    'restore', CASE WHEN "startOffset"->>'kind' = 'savepoint'
      THEN jsonb_build_object('kind', 'SAVEPOINT', 'savepointId', "startOffset"->>'savepointId')
      ELSE '{"kind":"NONE"}'::jsonb END,
    'allowNonRestoredState', false,
    'memoryLimitMb', 1024
  ) || CASE WHEN "startOffset"->>'kind' IN ('earliest', 'latest', 'timestamp')
    THEN jsonb_build_object('startOffset', "startOffset") ELSE '{}'::jsonb END,
  "checkpointing" = jsonb_build_object(
    'enabled', true, 'intervalMs', "checkpointIntervalMs", 'mode', 'EXACTLY_ONCE', 'timeoutMs', 600000,
    'minPauseMs', 0, 'incremental', false, 'numRetained', 1, 'maxChainLength', 10
  ),
  "failuresSince" = "createdAt";
ALTER TABLE "Deployment" ALTER COLUMN "checkpointing" SET NOT NULL,
ALTER COLUMN "config" SET NOT NULL,
DROP COLUMN "checkpointIntervalMs",
DROP COLUMN "parallelism",
DROP COLUMN "restartStrategy",
DROP COLUMN "startOffset";

-- FailoverEvent: the free-text cause becomes the enum (its text kept as the message when it was no cause name).
ALTER TABLE "FailoverEvent" ADD COLUMN "attempt" INTEGER,
ADD COLUMN     "message" TEXT,
ADD COLUMN     "stack" TEXT;
UPDATE "FailoverEvent" f SET
  "attempt" = COALESCE((SELECT r."attempt" FROM "Run" r WHERE r."id" = f."fromRunId"), 1),
  "message" = CASE WHEN f."cause" IN ('WORKER_LOST', 'EXCEPTION', 'OUT_OF_MEMORY', 'UNRESPONSIVE', 'CHECKPOINT_FAILURE', 'FENCED') THEN NULL ELSE f."cause" END;
ALTER TABLE "FailoverEvent" ALTER COLUMN "attempt" SET NOT NULL,
ALTER COLUMN "cause" TYPE "FailureCause"
  USING (CASE WHEN "cause" IN ('WORKER_LOST', 'EXCEPTION', 'OUT_OF_MEMORY', 'UNRESPONSIVE', 'CHECKPOINT_FAILURE', 'FENCED') THEN "cause" ELSE 'EXCEPTION' END)::"FailureCause";

-- Run: the epoch of existing runs is their attempt, which is what new runs get too.
ALTER TABLE "Run" ADD COLUMN "epoch" INTEGER,
ADD COLUMN     "restoredCheckpointId" INTEGER;
UPDATE "Run" SET "epoch" = "attempt";
ALTER TABLE "Run" ALTER COLUMN "epoch" SET NOT NULL;
