-- Exclusive worker pools: join tokens workers present, and the queue each run was put on.
-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "queue" TEXT;
-- CreateTable
CREATE TABLE "PoolJoinToken" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "lastWorkerId" TEXT,
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "PoolJoinToken_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE UNIQUE INDEX "PoolJoinToken_tokenHash_key" ON "PoolJoinToken"("tokenHash");
-- CreateIndex
CREATE INDEX "PoolJoinToken_workspaceId_idx" ON "PoolJoinToken"("workspaceId");
-- AddForeignKey
ALTER TABLE "PoolJoinToken" ADD CONSTRAINT "PoolJoinToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "PoolJoinToken" ADD CONSTRAINT "PoolJoinToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
